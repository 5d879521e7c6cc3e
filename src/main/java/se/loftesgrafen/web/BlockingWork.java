package se.loftesgrafen.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs graph reads, parsing and file work off the event loop, on a named worker pool, unordered
 * (STYLE: the event loop never parses, queries or touches disk). The pool is bounded and so is its queue: when
 * {@code threads + queue} requests are already running or waiting, the next one is refused at once with 503 and
 * Retry-After instead of waiting behind them without end. The service has two: one for the public SPARQL
 * endpoint's queries, one for everything else, so that arbitrary queries cannot take the threads or the queue of
 * resources and the API.
 */
public final class BlockingWork {
  private final WorkerExecutor executor;
  private final String what;
  private final int capacity;
  private final AtomicInteger inFlight = new AtomicInteger();

  /**
   * @param name the pool's threads' name
   * @param what what it runs, for the 503 ("SPARQL queries")
   */
  public BlockingWork(Vertx vertx, String name, String what, int threads, int queue) {
    this.executor = vertx.createSharedWorkerExecutor(name, threads);
    this.what = what;
    this.capacity = threads + queue;
  }

  public <T> Future<T> run(Callable<T> work) {
    if (inFlight.incrementAndGet() > capacity) {
      inFlight.decrementAndGet();
      return Future.failedFuture(new HttpError(503, "the service is busy: " + capacity + " " + what + " are running"
          + " or waiting (service.queryThreads + service.queryQueue); try again shortly"));
    }
    return executor.executeBlocking(work, false).andThen(ar -> inFlight.decrementAndGet());
  }

  /** Runs {@code work} on the pool and hands its result to {@code respond}; a failure fails the context. */
  public <T> void respond(RoutingContext ctx, Callable<T> work, Consumer<T> respond) {
    run(work).onSuccess(respond::accept).onFailure(ctx::fail);
  }

  /** Requests running or waiting for a worker. */
  public int inFlight() {
    return inFlight.get();
  }

  public void close() {
    executor.close();
  }
}
