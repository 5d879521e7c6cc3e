package se.loftesgrafen.harvest;

import java.util.List;

/**
 * What one harvest run did.
 *
 * @param runId     the run's id
 * @param stored    pages whose extraction was stored (new or changed content)
 * @param unchanged pages whose content was already stored
 * @param failed    one line per page or source that failed, with where and why
 */
public record HarvestSummary(String runId, int stored, int unchanged, List<String> failed) {
  public HarvestSummary {
    failed = List.copyOf(failed);
  }

  /** A run harvested something when at least one page was stored or found unchanged. */
  public boolean harvestedAnything() {
    return stored + unchanged > 0;
  }
}
