package se.loftesgrafen.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;

/**
 * Group commit in front of {@link PromiseStore#replaceGraphs}: the pages that many harvest threads finish at about
 * the same time are written in one write transaction (a TDB2 commit syncs its journal to disk, about 0.1 s here,
 * so one transaction per page would bound a national harvest by the disk instead of by politeness). Each call still
 * returns only when its graphs are committed, and each page's graphs are in one transaction: a kill loses at most
 * the pages whose calls had not returned, never part of a page.
 */
public final class GroupCommitWriter implements AutoCloseable {
  private static final int MAX_BATCH = 200;
  private final PromiseStore store;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean closed;
  /** The Error that broke a commit: the store is not written again in this run. */
  private volatile Throwable broken;

  private record Pending(Map<Node, Graph> graphs, CompletableFuture<Void> done) {
  }

  public GroupCommitWriter(PromiseStore store) {
    this.store = store;
    this.thread = Thread.ofPlatform().daemon().name("store-writer").start(this::loop);
  }

  /** Replaces the graphs, together with whatever else is waiting; returns when they are committed. */
  public void replaceGraphs(Map<Node, Graph> graphs) {
    if (closed) {
      throw new IllegalStateException("the store writer is closed");
    }
    if (broken != null) {
      throw new StoreException("a commit failed before: " + broken, broken);
    }
    Pending p = new Pending(graphs, new CompletableFuture<>());
    queue.add(p);
    try {
      p.done().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for a commit", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof StoreException s ? s : new StoreException("commit failed: " + e.getCause(),
          e.getCause());
    }
  }

  private void loop() {
    List<Pending> batch = new ArrayList<>();
    while (!closed || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        if (broken != null) {
          // queued while the failing commit ran: the store is not written again (after an Error it may not even
          // release its write lock, and a commit here would wait for it forever)
          throw new StoreException("a commit failed before: " + broken, broken);
        }
        Map<Node, Graph> merged = new HashMap<>();
        batch.forEach(p -> merged.putAll(p.graphs()));
        store.replaceGraphs(merged);
        batch.forEach(p -> p.done().complete(null));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | Error e) {
        // An Error too: TDB2 on a full disk fails with InternalError (unsafe memory access on a mapped file); the
        // waiters must hear of it, or the harvest blocks forever. What was committed before stays committed.
        if (e instanceof Error) {
          broken = e;
        }
        batch.forEach(p -> p.done().completeExceptionally(e));
      }
      batch.clear();
    }
  }

  /** Commits what is waiting, then stops. */
  @Override
  public void close() {
    closed = true;
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
