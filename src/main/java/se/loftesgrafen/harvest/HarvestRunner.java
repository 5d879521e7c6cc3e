package se.loftesgrafen.harvest;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs harvests one at a time in the service (scheduled or asked for on the admin endpoint), each on its own
 * virtual thread, and knows the current and the last run for {@code /harvest/status}.
 */
public final class HarvestRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("harvest");
  private final Harvester harvester;
  private final Supplier<List<Source>> sources;
  private final AtomicReference<Running> current = new AtomicReference<>();
  private final AtomicBoolean reextracting = new AtomicBoolean();
  private volatile Optional<HarvestSummary> last = Optional.empty();
  private final java.util.concurrent.atomic.AtomicLong finished = new java.util.concurrent.atomic.AtomicLong();
  private final List<java.util.function.Consumer<HarvestSummary>> watchers =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  private record Running(HarvestProgress progress, Thread thread) {
  }

  /** @param sources read when a run starts, so an edited sources file is picked up without a restart */
  public HarvestRunner(Harvester harvester, Supplier<List<Source>> sources) {
    this.harvester = harvester;
    this.sources = sources;
  }

  /**
   * Tells {@code watcher} how each run goes: when it starts, about once a second while it runs, and when it ends
   * (a run's record that survives the process: a killed run shows as it was last told).
   */
  public void watch(java.util.function.Consumer<HarvestSummary> watcher) {
    watchers.add(watcher);
  }

  private void tell(HarvestSummary summary) {
    for (java.util.function.Consumer<HarvestSummary> w : watchers) {
      try {
        w.accept(summary);
      } catch (RuntimeException e) {
        LOG.warn("run {}: a status watcher failed: {}", summary.runId(), e.toString());
      }
    }
  }

  /** Starts a run of all configured sources; empty when one is already going. */
  public Optional<String> start() {
    return start(sources);
  }

  /** Starts a run of the given sources; empty when one is already going. */
  public Optional<String> start(Supplier<List<Source>> which) {
    return start(Harvester.newRunId(), which);
  }

  /** Starts a run with the given id (a fleet's run, handed over from another replica); empty when one is going. */
  private synchronized Optional<String> start(String runId, Supplier<List<Source>> which) {
    if (current.get() != null || reextracting.get()) {
      return Optional.empty();
    }
    HarvestProgress progress = new HarvestProgress(runId);
    Thread thread = Thread.ofVirtual().name("harvest-run-" + progress.runId()).unstarted(() -> {
      Thread ticker = watchers.isEmpty() ? null : Thread.ofVirtual().name("harvest-status-" + progress.runId())
          .start(() -> tick(progress));
      try {
        last = Optional.of(harvester.run(which.get(), progress));
      } catch (RuntimeException e) {
        LOG.error("run {}: stopped by an unexpected error", progress.runId(), e);
        progress.failed(ArchiveReader.HOST, "run stopped: " + e.getMessage());
        progress.finish();
        last = Optional.of(progress.summary());
      } finally {
        if (ticker != null) {
          ticker.interrupt();
        }
        last.filter(l -> l.runId().equals(progress.runId())).ifPresent(this::tell);
        finished.incrementAndGet();
        current.set(null);
      }
    });
    current.set(new Running(progress, thread));
    thread.start();
    return Optional.of(progress.runId());
  }

  /** Tells the watchers how the run goes, once a second, until the run's thread interrupts this one. */
  private void tick(HarvestProgress progress) {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        tell(progress.summary());
        Thread.sleep(1000);
      }
    } catch (InterruptedException e) {
      // the run ended; its thread tells the final summary
    }
  }

  /**
   * Re-extracts the stored snapshots on the calling thread (never the event loop); empty when a harvest or another
   * re-extraction is going, so that the two never write the same page's graphs at once. Harvests asked for
   * meanwhile are refused as while a harvest runs.
   */
  public Optional<ReextractSummary> reextract(boolean dryRun) {
    synchronized (this) {
      if (current.get() != null || !reextracting.compareAndSet(false, true)) {
        return Optional.empty();
      }
    }
    try {
      return Optional.of(harvester.reextractor().run(dryRun));
    } finally {
      reextracting.set(false);
    }
  }

  /**
   * Runs {@code which} now as run {@code runId} and waits: a fleet's run, started by the schedule or the admin endpoint
   * on any replica, or handed over from a replica that died. Empty when a run or re-extraction was going here.
   */
  public Optional<HarvestSummary> runAndWait(String runId, Supplier<List<Source>> which) throws InterruptedException {
    Running running;
    synchronized (this) {
      if (start(runId, which).isEmpty()) {
        return Optional.empty();
      }
      running = current.get();
    }
    running.thread().join();
    return last;
  }

  /** The configured sources that run on {@code schedule} ({@code defaultSchedule} for those without their own). */
  public Supplier<List<Source>> sourcesOn(String schedule, String defaultSchedule) {
    return () -> sources.get().stream().filter(s -> s.schedule().orElse(defaultSchedule).equals(schedule)).toList();
  }

  /** The configured sources, read now. */
  public Supplier<List<Source>> sources() {
    return sources;
  }

  /**
   * Runs the configured sources on {@code schedule} now and waits (a scheduled job); false when a run was going.
   * A source without a schedule of its own runs on {@code defaultSchedule}.
   */
  public boolean runAndWait(String schedule, String defaultSchedule) throws InterruptedException {
    Optional<String> id;
    Running running;
    synchronized (this) {
      id = start(sourcesOn(schedule, defaultSchedule));
      running = current.get();
    }
    if (id.isEmpty() || running == null) {
      return false;
    }
    running.thread().join();
    return true;
  }

  /**
   * Runs the given sources now and waits (the start-up harvest of the sample), as any other run: it shows in
   * {@link #current()}, {@link #last()} and {@link #finishedRuns()}. Empty when a run was going.
   */
  public Optional<HarvestSummary> runAndWait(Supplier<List<Source>> which) throws InterruptedException {
    Running running;
    synchronized (this) {
      if (start(which).isEmpty()) {
        return Optional.empty();
      }
      running = current.get();
    }
    if (running != null) {
      running.thread().join();
    }
    return last;
  }

  /** Runs finished since the service started, the start-up harvest included. */
  public long finishedRuns() {
    return finished.get();
  }

  /** The distinct schedules of the configured sources, {@code defaultSchedule} for those without one. */
  public List<String> schedules(String defaultSchedule) {
    return sources.get().stream().map(s -> s.schedule().orElse(defaultSchedule)).distinct().toList();
  }

  /** Whether a re-extraction is going (harvests wait for it). */
  public boolean reextracting() {
    return reextracting.get();
  }

  public Optional<HarvestSummary> current() {
    Running r = current.get();
    return r == null ? Optional.empty() : Optional.of(r.progress().summary());
  }

  public Optional<HarvestSummary> last() {
    return last;
  }

  /** Stops a running harvest (what it committed stays) and waits for it up to {@code timeout}. */
  public void stop(Duration timeout) throws InterruptedException {
    stop(timeout, "the service was stopped during the run");
  }

  /** As {@link #stop(Duration)}, with the reason the run's status gives. */
  public void stop(Duration timeout, String reason) throws InterruptedException {
    Running r = current.get();
    if (r != null) {
      // the status says why the run ended early; fetched pages waiting for extraction are left for the next run
      r.progress().stop(reason + "; what was committed before stays");
      r.thread().interrupt();
      r.thread().join(timeout);
    }
  }

  @Override
  public void close() {
    try {
      stop(Duration.ofSeconds(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
