package se.loftesgrafen.harvest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Live counts of one run, per host, safe to read from any thread while the run goes on. */
public final class HarvestProgress {
  private static final Logger LOG = LoggerFactory.getLogger("harvest");
  private enum Count { QUEUED, REQUESTS, FETCHED, NOT_MODIFIED, STORED, UNCHANGED, REDIRECTS, RETRIES, DISALLOWED,
    FAILED }

  private final String runId;
  private final Instant started = Instant.now();
  private final Map<String, AtomicIntegerArray> hosts = new ConcurrentHashMap<>();
  private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
  private volatile Instant ended;
  private volatile String stopped;

  public HarvestProgress(String runId) {
    this.runId = runId;
  }

  public String runId() {
    return runId;
  }

  private void add(String host, Count c, int delta) {
    hosts.computeIfAbsent(host, h -> new AtomicIntegerArray(Count.values().length)).addAndGet(c.ordinal(), delta);
  }

  void queued(String host) { add(host, Count.QUEUED, 1); }

  void dequeued(String host) { add(host, Count.QUEUED, -1); }

  void requested(String host) { add(host, Count.REQUESTS, 1); }

  void fetched(String host) { add(host, Count.FETCHED, 1); }

  void notModified(String host) { add(host, Count.NOT_MODIFIED, 1); }

  void stored(String host) { add(host, Count.STORED, 1); }

  void unchanged(String host) { add(host, Count.UNCHANGED, 1); }

  void redirected(String host) { add(host, Count.REDIRECTS, 1); }

  void retried(String host) { add(host, Count.RETRIES, 1); }

  void disallowed(String host, String line) {
    add(host, Count.DISALLOWED, 1);
    LOG.info("run {}: not fetched: {}", runId, line);
    failures.add("disallowed " + line);
  }

  void failed(String host, String line) {
    add(host, Count.FAILED, 1);
    LOG.warn("run {}: failed: {}", runId, line);
    failures.add("failed " + line);
  }

  /** A problem that is not a page's failure (a limit reached, an unreadable sitemap): reported, not counted. */
  void problem(String host, String line) {
    LOG.info("run {}: {}", runId, line);
    failures.add("note " + line);
  }

  /** The run cannot go on (the store cannot be written): the first reason is kept, and logged once. */
  synchronized void stop(String reason) {
    if (stopped == null) {
      stopped = reason;
      LOG.error("run {}: stopped: {}", runId, reason);
    }
  }

  boolean isStopped() {
    return stopped != null;
  }

  void finish() {
    ended = Instant.now();
  }

  /** The counts now; with {@code ended} set once the run is over. */
  public HarvestSummary summary() {
    int[] total = new int[Count.values().length];
    List<HarvestSummary.HostCounts> rows = new ArrayList<>();
    new TreeMap<>(hosts).forEach((host, c) -> {
      for (int i = 0; i < total.length; i++) {
        total[i] += c.get(i);
      }
      rows.add(new HarvestSummary.HostCounts(host, c.get(0), c.get(1), c.get(2), c.get(3), c.get(4), c.get(5),
          c.get(6), c.get(7), c.get(8), c.get(9)));
    });
    List<String> lines;
    synchronized (failures) {
      lines = List.copyOf(failures);
    }
    return new HarvestSummary(runId, started, Optional.ofNullable(ended), total[Count.QUEUED.ordinal()],
        total[Count.FETCHED.ordinal()], total[Count.NOT_MODIFIED.ordinal()], total[Count.STORED.ordinal()],
        total[Count.UNCHANGED.ordinal()], total[Count.DISALLOWED.ordinal()], lines, rows,
        Optional.ofNullable(stopped));
  }
}
