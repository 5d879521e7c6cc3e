package se.loftesgrafen.schedule;

import java.util.Properties;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.loftesgrafen.harvest.HarvestRunner;

/**
 * Quartz runs the configured harvests on their cron schedules (harvest.schedule, default nightly at 03:00, and any
 * source's own {@code schedule}; one job per distinct schedule, sharing one worker thread). Embedded:
 * the in-memory RAMJobStore and one worker thread. A firing missed while the service was down or busy fires once,
 * as soon as possible (fire-and-proceed), not once per missed night. For several service instances, Quartz's
 * JDBC job store in clustered mode ({@code org.quartz.jobStore.isClustered=true}) makes one instance run each
 * firing; the properties are the only change.
 */
public final class HarvestScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("harvest");
  private final Scheduler scheduler;

  private HarvestScheduler(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  public static HarvestScheduler start(HarvestRunner runner, String cron) {
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", "loftesgrafen");
    p.setProperty("org.quartz.threadPool.threadCount", "1");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    try {
      Scheduler scheduler = new StdSchedulerFactory(p).getScheduler();
      scheduler.getContext().put(HarvestJob.RUNNER, runner);
      int n = 0;
      for (String schedule : runner.schedules(cron)) {
        n++;
        JobDetail job = JobBuilder.newJob(HarvestJob.class).withIdentity("harvest-" + n, "loftesgrafen")
            .usingJobData(HarvestJob.SCHEDULE, schedule).usingJobData(HarvestJob.DEFAULT_SCHEDULE, cron).build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity("harvest-" + n, "loftesgrafen")
            .withSchedule(CronScheduleBuilder.cronSchedule(schedule).withMisfireHandlingInstructionFireAndProceed())
            .build();
        scheduler.scheduleJob(job, trigger);
        LOG.info("harvest scheduled: '{}', next at {}", schedule, trigger.getNextFireTime());
      }
      scheduler.start();
      return new HarvestScheduler(scheduler);
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot start the harvest schedule '" + cron + "': " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      scheduler.shutdown(false);
    } catch (SchedulerException e) {
      LOG.warn("harvest schedule did not stop cleanly: {}", e.getMessage());
    }
  }
}
