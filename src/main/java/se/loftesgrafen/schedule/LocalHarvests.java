package se.loftesgrafen.schedule;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import se.loftesgrafen.harvest.HarvestRunner;
import se.loftesgrafen.harvest.ReextractSummary;

/** Harvests of one process: its own runner, one run at a time. */
public final class LocalHarvests implements Harvests, ScheduledRuns {
  private final HarvestRunner runner;
  private final String replica;
  private final Optional<Map<String, Object>> before;

  /** Runs of this process only, not kept across restarts. */
  public LocalHarvests(HarvestRunner runner, String replica) {
    this.runner = runner;
    this.replica = replica;
    this.before = Optional.empty();
  }

  /**
   * Runs of this process, each recorded in {@code folder} (the store's) as it goes, so that after a restart
   * {@code /harvest/status} shows the last run of the process before, a killed one included.
   */
  public LocalHarvests(HarvestRunner runner, String replica, java.nio.file.Path folder) {
    this.runner = runner;
    this.replica = replica;
    LastRunFile file = new LastRunFile(folder, replica);
    this.before = file.read();
    runner.watch(file::write);
  }

  @Override
  public Start start() {
    Optional<String> runId = runner.start();
    if (runId.isPresent()) {
      return new Accepted(runId.get(), replica);
    }
    return new Busy(runner.current().map(se.loftesgrafen.harvest.HarvestSummary::runId).orElse("reextract"), replica);
  }

  @Override
  public void fire(Optional<String> runId, String schedule, String defaultSchedule, boolean recovering)
      throws InterruptedException {
    // A firing that meets a run going (asked for on the admin endpoint, or another schedule's) runs after it, once.
    while (!runner.runAndWait(schedule, defaultSchedule)) {
      org.slf4j.LoggerFactory.getLogger("harvest").info("scheduled harvest '{}' waits: a harvest is running",
          schedule);
      while (runner.current().isPresent() || runner.reextracting()) {
        Thread.sleep(1000);
      }
    }
  }

  @Override
  public Optional<ReextractSummary> reextract(boolean dryRun) {
    return runner.reextract(dryRun);
  }

  @Override
  public Map<String, Object> status() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("current", runner.current().map(s -> RunStatus.of(s, replica)).orElse(null));
    body.put("last", runner.last().map(s -> RunStatus.of(s, replica)).or(() -> before).orElse(null));
    body.put("finishedRuns", runner.finishedRuns()); // since start, the start-up harvest of the sample included
    return body;
  }
}
