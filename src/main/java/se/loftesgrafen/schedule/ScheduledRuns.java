package se.loftesgrafen.schedule;

import java.util.Optional;

/**
 * What a firing of the harvest job does: in one process it asks the runner ({@link LocalHarvests}); in a fleet it
 * first claims the fleet's lease, so that a run goes once across all replicas ({@code cluster.FleetHarvests}).
 */
public interface ScheduledRuns {
  /**
   * Runs now and returns when the run has ended.
   *
   * @param runId           the run asked for on the admin endpoint; empty for a firing of a cron schedule
   * @param schedule        the cron schedule that fired: the sources on it run
   * @param defaultSchedule the schedule of sources without one of their own
   * @param recovering      Quartz re-fires the run of a replica it found dead: the run goes on here
   */
  void fire(Optional<String> runId, String schedule, String defaultSchedule, boolean recovering)
      throws InterruptedException;
}
