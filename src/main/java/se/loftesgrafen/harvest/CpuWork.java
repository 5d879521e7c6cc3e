package se.loftesgrafen.harvest;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Parsing and extraction of a run, on as many platform threads as there are cores. Host queues and page recording
 * run on virtual threads, which the JDK does not preempt: CPU-bound work there would hold the few carrier threads
 * and make a host's next request late. The caller (a virtual thread) waits, which frees its carrier.
 */
final class CpuWork implements AutoCloseable {
  private final AtomicInteger n = new AtomicInteger();
  private final ExecutorService pool = Executors.newFixedThreadPool(
      Math.max(2, Runtime.getRuntime().availableProcessors()),
      r -> Thread.ofPlatform().daemon().name("harvest-cpu-" + n.incrementAndGet()).unstarted(r));

  <T> T call(Callable<T> work) {
    Future<T> future = pool.submit(work);
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
