package se.loftesgrafen.schedule;

import java.util.Map;
import java.util.Optional;
import se.loftesgrafen.harvest.ReextractSummary;

/**
 * Harvests as the admin endpoint and {@code /harvest/status} see them: in one process ({@link LocalHarvests}, the
 * default) or across a fleet of replicas, where a run started on any replica runs once and every replica reports the
 * same status ({@code cluster.FleetHarvests}).
 */
public interface Harvests {

  /** What asking for a harvest came to. */
  sealed interface Start permits Accepted, Busy {
  }

  /** The run was started (or queued in the fleet's schedule) as {@code runId}. */
  record Accepted(String runId, String replica) implements Start {
  }

  /** A harvest or re-extraction is going: {@code runId} on {@code replica}. */
  record Busy(String runId, String replica) implements Start {
  }

  /** Starts a harvest of the configured sources unless one is going. */
  Start start();

  /** Re-extracts the stored snapshots on the calling thread; empty when a harvest or re-extraction is going. */
  Optional<ReextractSummary> reextract(boolean dryRun);

  /** {@code /harvest/status}: the current run, the last finished one, and how many runs finished. */
  Map<String, Object> status();
}
