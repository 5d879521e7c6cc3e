package se.loftesgrafen.harvest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a harvest run did (or has done so far, while it runs): the service's {@code /harvest/status} JSON and the
 * CLI's summary table.
 *
 * @param runId       the run's id
 * @param started     when it started
 * @param ended       when it ended; empty while it runs
 * @param queued      URLs waiting in the host queues now
 * @param fetched     responses with a body (2xx), pages and sitemaps
 * @param notModified 304 answers to conditional requests
 * @param stored      pages whose new or changed content was extracted and stored
 * @param unchanged   pages whose content was already stored (after a 200 or a 304)
 * @param disallowed  URLs not fetched because robots.txt or the address policy forbids them
 * @param failed      one line per URL or source that failed, with where and why
 * @param hosts       the counts per host (local files and archives under "file")
 * @param stopped     why the run stopped before its end (the store cannot be written); empty when it ran to the end
 */
public record HarvestSummary(String runId, Instant started, Optional<Instant> ended, int queued, int fetched,
                             int notModified, int stored, int unchanged, int disallowed, List<String> failed,
                             List<HostCounts> hosts, Optional<String> stopped) {
  public HarvestSummary {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(ended, "ended");
    Objects.requireNonNull(stopped, "stopped");
    failed = List.copyOf(failed);
    hosts = List.copyOf(hosts);
  }

  /** Counts of one host. */
  public record HostCounts(String host, int queued, int requests, int fetched, int notModified, int stored,
                           int unchanged, int redirects, int retries, int disallowed, int failed) {
  }

  /** A run harvested something when at least one page was stored or found unchanged. */
  public boolean harvestedAnything() {
    return stored + unchanged > 0;
  }

  /** Lines that are failures (a page or source that failed), not notes or robots.txt refusals. */
  public int problems() {
    return (int) failed.stream().filter(line -> line.startsWith("failed ")).count();
  }

  public boolean running() {
    return ended.isEmpty();
  }
}
