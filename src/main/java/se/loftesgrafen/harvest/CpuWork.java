package se.loftesgrafen.harvest;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Parsing and extraction of a run, on as many platform threads as there are cores. Host queues and page recording
 * run on virtual threads, which the JDK does not preempt: CPU-bound work there would hold the few carrier threads
 * and make a host's next request late. The caller (a virtual thread) waits, which frees its carrier.
 *
 * <p>A watchdog bounds each piece of work in time: past {@code limit} the caller gets a
 * {@link TooSlowException} (the page is recorded as failed with that reason) and the work is interrupted.
 * PDFBox and regular expressions do not always notice interrupts, so a runaway document may keep its thread busy
 * a while longer; it no longer counts against the run's threads, so the rest of the harvest goes on.
 */
final class CpuWork implements AutoCloseable {
  private final AtomicInteger n = new AtomicInteger();
  private final ExecutorService pool = Executors.newCachedThreadPool(
      r -> Thread.ofPlatform().daemon().name("harvest-cpu-" + n.incrementAndGet()).unstarted(r));
  private final Semaphore slots = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()));
  private final Duration limit;

  /** Work that ran past the watchdog's limit. */
  static final class TooSlowException extends RuntimeException {
    TooSlowException(Duration limit) {
      super("extraction took longer than " + limit.toMillis() / 1000.0 + " s (harvest.extractionTimeout): stopped",
          null, false, false);
    }
  }

  CpuWork(Duration limit) {
    this.limit = limit;
  }

  <T> T call(Callable<T> work) {
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    AtomicBoolean released = new AtomicBoolean();
    Runnable release = () -> {
      if (released.compareAndSet(false, true)) {
        slots.release();
      }
    };
    Future<T> future = pool.submit(() -> {
      try {
        return work.call();
      } finally {
        release.run();
      }
    });
    try {
      return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      release.run();
      throw new TooSlowException(limit);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof java.io.IOException io) {
        throw new java.io.UncheckedIOException(io.getMessage(), io); // its message names the document and reason
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
