package se.loftesgrafen.schedule;

import java.util.List;
import java.util.Properties;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.loftesgrafen.harvest.HarvestRunner;

/**
 * Quartz runs the configured harvests on their cron schedules (harvest.schedule, default nightly at 03:00, and any
 * source's own {@code schedule}; one job per distinct schedule, sharing one worker thread). A firing missed while the
 * service was down or busy fires once, as soon as possible (fire-and-proceed), not once per missed night.
 * Embedded ({@link #start(HarvestRunner, String)}): the in-memory RAMJobStore. A fleet
 * ({@link #start(ScheduledRuns, List, String, Properties)} with the properties of Quartz's JDBC job store in clustered
 * mode, see {@code cluster.FleetHarvests}): every replica schedules the same jobs in one database, each firing runs on
 * one replica, and a run whose replica dies is re-fired on another ({@code requestsRecovery}).
 */
public final class HarvestScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("harvest");
  static final String GROUP = "loftesgrafen";
  static final String RUNS_GROUP = "loftesgrafen-runs";
  private final Scheduler scheduler;

  private HarvestScheduler(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  /** One process: the in-memory job store. */
  public static HarvestScheduler start(HarvestRunner runner, String cron) {
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", "loftesgrafen");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    return start(new LocalHarvests(runner, "local"), runner.schedules(cron), cron, p);
  }

  /**
   * Schedules one job per schedule in the job store that {@code store} configures and starts Quartz. A job that
   * the store already holds (another replica scheduled it) is kept as it is when its cron is the same.
   */
  public static HarvestScheduler start(ScheduledRuns runs, List<String> schedules, String cron, Properties store) {
    Properties p = new Properties();
    p.setProperty("org.quartz.threadPool.threadCount", "1");
    p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
    p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
    p.putAll(store);
    try {
      Scheduler scheduler = new StdSchedulerFactory(p).getScheduler();
      scheduler.getContext().put(HarvestJob.RUNS, runs);
      for (String schedule : schedules) {
        schedule(scheduler, schedule, cron);
      }
      unscheduleOthers(scheduler, schedules);
      scheduler.start();
      return new HarvestScheduler(scheduler);
    } catch (SchedulerException | java.text.ParseException e) {
      throw new IllegalStateException("cannot start the harvest schedule '" + cron + "': " + e.getMessage(), e);
    }
  }

  /** The job of a schedule, named by it, so that every replica names the same job the same way. */
  static String jobName(String schedule) {
    return "harvest-" + Integer.toHexString(schedule.hashCode());
  }

  /**
   * The job store holds exactly the configured schedules: a persistent store (a fleet's database) keeps the jobs of
   * schedules configured before, which would go on firing (issue 25: a changed harvest.schedule left the old nightly
   * trigger). In a fleet the configuration a replica starts with wins; replicas should share one.
   */
  private static void unscheduleOthers(Scheduler scheduler, List<String> schedules) throws SchedulerException {
    java.util.Set<String> wanted = new java.util.HashSet<>();
    schedules.forEach(s -> wanted.add(jobName(s)));
    for (JobKey job : scheduler.getJobKeys(org.quartz.impl.matchers.GroupMatcher.jobGroupEquals(GROUP))) {
      if (!wanted.contains(job.getName())) {
        String was = String.valueOf(scheduler.getJobDetail(job).getJobDataMap().get(HarvestJob.SCHEDULE));
        scheduler.deleteJob(job);
        LOG.info("harvest schedule '{}' is no longer configured: removed from the job store", was);
      }
    }
  }

  private static void schedule(Scheduler scheduler, String schedule, String cron)
      throws SchedulerException, java.text.ParseException {
    String name = jobName(schedule);
    if (new org.quartz.CronExpression(schedule).getNextValidTimeAfter(new java.util.Date()) == null) {
      LOG.warn("harvest schedule '{}' never fires again (its times are past): not scheduled", schedule);
      return;
    }
    TriggerKey key = TriggerKey.triggerKey(name, GROUP);
    Trigger existing = scheduler.getTrigger(key);
    if (existing instanceof CronTrigger c && c.getCronExpression().equals(schedule)) {
      LOG.info("harvest scheduled: '{}', next at {} (already in the job store)", schedule, existing.getNextFireTime());
      return;
    }
    JobDetail job = JobBuilder.newJob(HarvestJob.class).withIdentity(name, GROUP).requestRecovery(true)
        .usingJobData(HarvestJob.SCHEDULE, schedule).usingJobData(HarvestJob.DEFAULT_SCHEDULE, cron).build();
    Trigger trigger = TriggerBuilder.newTrigger().withIdentity(key).forJob(job)
        .withSchedule(CronScheduleBuilder.cronSchedule(schedule).withMisfireHandlingInstructionFireAndProceed())
        .build();
    scheduler.scheduleJob(job, java.util.Set.of(trigger), true);
    LOG.info("harvest scheduled: '{}', next at {}", schedule, trigger.getNextFireTime());
  }

  /**
   * Queues run {@code runId} of all configured sources to fire now, on whichever replica takes it first (in practice
   * this one: scheduling wakes its own scheduler thread); re-fired elsewhere if that replica dies while it runs.
   */
  public void launch(String runId) {
    JobDetail job = JobBuilder.newJob(HarvestJob.class).withIdentity("run-" + runId, RUNS_GROUP).requestRecovery(true)
        .usingJobData(HarvestJob.RUN_ID, runId).build();
    Trigger trigger = TriggerBuilder.newTrigger().withIdentity("run-" + runId, RUNS_GROUP).forJob(job).startNow()
        .build();
    try {
      scheduler.scheduleJob(job, trigger);
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot queue harvest run " + runId + ": " + e.getMessage(), e);
    }
  }

  /** Whether the job store holds the job of run {@code runId} (queued, running or being recovered). */
  public boolean holds(String runId) throws SchedulerException {
    return scheduler.checkExists(JobKey.jobKey("run-" + runId, RUNS_GROUP));
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
