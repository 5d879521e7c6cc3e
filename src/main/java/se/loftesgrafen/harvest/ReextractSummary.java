package se.loftesgrafen.harvest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a re-extraction run did (or, in a dry run, would do).
 *
 * @param snapshots  current snapshots in the store
 * @param read       snapshots whose bytes were read back from their WARC record (and matched their hash)
 * @param unchanged  read snapshots whose new extraction says the same: their graphs were left untouched
 * @param changed    graphs replaced (or that would be), with their commitment counts before and after
 * @param failed     snapshots that kept their old graph, and why
 * @param ioFailure  whether a WARC file that exists could not be read
 */
public record ReextractSummary(String runId, String extractorVersion, boolean dryRun, Instant started,
                               int snapshots, int read, int unchanged, List<Change> changed, List<Failure> failed,
                               boolean ioFailure) {
  public ReextractSummary {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(extractorVersion, "extractorVersion");
    Objects.requireNonNull(started, "started");
    changed = List.copyOf(changed);
    failed = List.copyOf(failed);
  }

  /** One page whose graph changed; {@code versionsBefore} are the extractor versions the old graph named. */
  public record Change(String url, String snapshot, int commitmentsBefore, int commitmentsAfter,
                       List<String> versionsBefore) {
    public Change {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(snapshot, "snapshot");
      versionsBefore = List.copyOf(versionsBefore);
    }
  }

  /** One page that kept its old graph. */
  public record Failure(String url, String reason) {
    public Failure {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Whether the run did its job: something was read and every WARC file that exists could be read. */
  public boolean succeeded() {
    return read > 0 && !ioFailure;
  }
}
