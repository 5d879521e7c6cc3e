package se.loftesgrafen.schedule;

import java.util.Optional;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

/**
 * The scheduled harvest, or one asked for on the admin endpoint of a fleet: asks for the run and waits for it (so that
 * Quartz's JDBC store knows which replica runs it, and re-fires it on another when that replica dies). One at a time
 * per job; across a fleet the lease makes it one run at a time altogether.
 */
@DisallowConcurrentExecution
public final class HarvestJob implements Job {
  static final String RUNS = "harvestRuns";
  static final String SCHEDULE = "schedule";
  static final String DEFAULT_SCHEDULE = "defaultSchedule";
  static final String RUN_ID = "runId";

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    try {
      ScheduledRuns runs = (ScheduledRuns) context.getScheduler().getContext().get(RUNS);
      var data = context.getMergedJobDataMap();
      runs.fire(Optional.ofNullable(data.getString(RUN_ID)), data.getString(SCHEDULE),
          data.getString(DEFAULT_SCHEDULE), context.isRecovering());
    } catch (SchedulerException e) {
      throw new JobExecutionException("no harvest runner in the scheduler context", e, false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
