package se.loftesgrafen.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.loftesgrafen.harvest.HarvestRunner;

/** The scheduled harvest: asks the runner to run and waits for it. One at a time, also across a cluster. */
@DisallowConcurrentExecution
public final class HarvestJob implements Job {
  static final String RUNNER = "harvestRunner";
  static final String SCHEDULE = "schedule";
  static final String DEFAULT_SCHEDULE = "defaultSchedule";
  private static final Logger LOG = LoggerFactory.getLogger("harvest");

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    try {
      HarvestRunner runner = (HarvestRunner) context.getScheduler().getContext().get(RUNNER);
      var data = context.getMergedJobDataMap();
      if (!runner.runAndWait(data.getString(SCHEDULE), data.getString(DEFAULT_SCHEDULE))) {
        LOG.info("scheduled harvest skipped: a harvest is already running");
      }
    } catch (SchedulerException e) {
      throw new JobExecutionException("no harvest runner in the scheduler context", e, false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
