package se.loftesgrafen.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs graph reads, parsing and file work off the event loop, on a named worker pool, unordered
 * (STYLE: the event loop never parses, queries or touches disk).
 */
public final class BlockingWork {
  private final WorkerExecutor executor;

  public BlockingWork(Vertx vertx, int poolSize) {
    this.executor = vertx.createSharedWorkerExecutor("graph-read", poolSize);
  }

  public <T> Future<T> run(Callable<T> work) {
    return executor.executeBlocking(work, false);
  }

  /** Runs {@code work} on the pool and hands its result to {@code respond}; a failure fails the context. */
  public <T> void respond(RoutingContext ctx, Callable<T> work, Consumer<T> respond) {
    run(work).onSuccess(respond::accept).onFailure(ctx::fail);
  }

  public void close() {
    executor.close();
  }
}
