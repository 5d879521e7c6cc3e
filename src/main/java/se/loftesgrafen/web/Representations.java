package se.loftesgrafen.web;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.loftesgrafen.graph.Iris;

/**
 * The bytes of every representation we serve from the graph (a resource in one format, the catalogue, ...), computed
 * once per data version: the first request renders it on the worker pool, every later one until the data changes is
 * a map lookup on the event loop. Bounded in bytes, keys and validators included, least recently used first out.
 *
 * <p>The data version drives everything: {@link #versionChanged(long)} is the one method that drops what belongs to
 * an older version; every lookup also compares the store's version, so a write in this process or in another
 * replica (a remote store's version is re-read in the background) is seen by the next request. After a change the
 * most requested representations are rendered again in the background, one at a time, once the version has been
 * quiet for a moment (a harvest writes page by page), so the first requests after a harvest do not pay for all of
 * them at once; a request for one being rendered waits for that rendering instead of starting another.
 *
 * <p>The ETag is a hash of the bytes: a representation the change did not touch keeps its ETag, so clients and
 * proxies revalidate it with a 304 whatever else changed.
 */
final class Representations {
  private static final Logger LOG = LoggerFactory.getLogger("cache");

  /** What identifies a representation besides the data version: the resource (path or IRI) and the variant asked. */
  record Key(String resource, String variant) {
    long bytes() {
      return 2L * (resource.length() + variant.length()) + 64;
    }
  }

  /** A rendered body and its type, as a renderer returns it. */
  record Rendered(String contentType, byte[] body) {
  }

  /** A kept representation: body, type, and a strong ETag from the bytes. */
  record Representation(String contentType, byte[] body, String etag) {
    static Representation of(Rendered rendered) {
      String etag = "\"" + Iris.sha256Hex(rendered.body()).substring(0, 24) + "\"";
      return new Representation(rendered.contentType(), rendered.body(), etag);
    }

    long bytes() {
      return body.length + 2L * (contentType.length() + etag.length()) + 96;
    }
  }

  /** How the pool runs work (BlockingWork in the service). */
  interface Worker {
    <T> Future<T> run(Callable<T> work);
  }

  private final LongSupplier storeVersion;
  private final Worker worker;
  private final long maxBytes;
  private final int readAhead;
  private final long quietMillis;
  private final LinkedHashMap<Key, Representation> entries = new LinkedHashMap<>(256, 0.75f, true);
  private final Map<Key, Future<Representation>> rendering = new HashMap<>();
  /** Requests per key since the last change, with how to render the key again (for the read-ahead). */
  private final Map<Key, Demand> demand = new HashMap<>();
  private long version;
  private long bytes;
  private long hits;
  private long misses;
  private boolean readAheadScheduled;

  private static final int MAX_DEMAND_KEYS = 20_000;

  private static final class Demand {
    final Callable<Rendered> render;
    long requests;

    Demand(Callable<Rendered> render) {
      this.render = render;
    }
  }

  /**
   * @param storeVersion the store's data version (must not block: both stores keep it in memory)
   * @param maxBytes     heap bytes all entries may hold, keys included
   * @param readAhead    how many of the most requested representations are rendered again after a change
   * @param quietMillis  how long the version must stay unchanged before the read-ahead starts
   */
  Representations(LongSupplier storeVersion, Worker worker, long maxBytes, int readAhead, long quietMillis) {
    this.storeVersion = storeVersion;
    this.worker = worker;
    this.maxBytes = maxBytes;
    this.readAhead = readAhead;
    this.quietMillis = quietMillis;
    this.version = storeVersion.getAsLong();
  }

  /** The current data version as this cache knows it, after looking at the store. */
  long version() {
    long seen = storeVersion.getAsLong();
    if (seen != currentVersion()) {
      versionChanged(seen);
    }
    return seen;
  }

  private synchronized long currentVersion() {
    return version;
  }

  /**
   * The representation of {@code key} at the current data version: at once from memory when kept (a lookup, fine
   * on the event loop), else rendered by {@code render} on the worker pool and kept. {@code render} must not
   * depend on the request (it is also what the read-ahead calls).
   */
  Future<Representation> get(Key key, Callable<Rendered> render) {
    long at = version();
    synchronized (this) {
      demand(key, render);
      Representation hit = entries.get(key);
      if (hit != null) {
        hits++;
        return Future.succeededFuture(hit);
      }
      misses++;
      Future<Representation> pending = rendering.get(key);
      if (pending != null) {
        return pending;
      }
      Promise<Representation> promise = Promise.promise();
      rendering.put(key, promise.future());
      worker.run(() -> Representation.of(render.call())).onComplete(ar -> {
        synchronized (this) {
          rendering.remove(key, promise.future());
          if (ar.succeeded()) {
            keep(at, key, ar.result());
          }
        }
        promise.handle(ar);
      });
      return promise.future();
    }
  }

  /** Drops every representation of an older version; schedules the read-ahead. The one method for a data change. */
  void versionChanged(long newVersion) {
    synchronized (this) {
      if (newVersion == version) {
        return;
      }
      version = newVersion;
      entries.clear();
      bytes = 0;
      if (readAheadScheduled || readAhead == 0 || demand.isEmpty()) {
        return;
      }
      readAheadScheduled = true;
    }
    Thread.ofVirtual().name("representations-read-ahead").start(this::readAheadWhenQuiet);
  }

  /** Keeps a rendering only if the data did not change while it was made: it might mix two versions otherwise. */
  private void keep(long at, Key key, Representation representation) {
    if (at != version || storeVersion.getAsLong() != at) {
      return;
    }
    long size = key.bytes() + representation.bytes();
    if (size > maxBytes / 8) {
      return; // one answer may not push out most of the others
    }
    Representation old = entries.put(key, representation);
    bytes += size - (old == null ? 0 : key.bytes() + old.bytes());
    var it = entries.entrySet().iterator();
    while (bytes > maxBytes && it.hasNext()) {
      Map.Entry<Key, Representation> eldest = it.next();
      bytes -= eldest.getKey().bytes() + eldest.getValue().bytes();
      it.remove();
    }
  }

  private void demand(Key key, Callable<Rendered> render) {
    Demand d = demand.get(key);
    if (d == null) {
      if (demand.size() >= MAX_DEMAND_KEYS) {
        return;
      }
      d = new Demand(render);
      demand.put(key, d);
    }
    d.requests++;
  }

  /** Waits until the version has been quiet, then renders the most requested representations, one at a time. */
  private void readAheadWhenQuiet() {
    try {
      long seen;
      do {
        seen = storeVersion.getAsLong();
        Thread.sleep(quietMillis);
      } while (storeVersion.getAsLong() != seen);
      List<Map.Entry<Key, Callable<Rendered>>> top = mostRequested();
      int rendered = 0;
      for (Map.Entry<Key, Callable<Rendered>> e : top) {
        if (version() != seen) {
          break; // changed again: the next read-ahead starts over
        }
        try {
          get(e.getKey(), e.getValue()).toCompletionStage().toCompletableFuture().get();
          rendered++;
        } catch (java.util.concurrent.ExecutionException ex) {
          LOG.debug("read-ahead of {} failed: {}", e.getKey(), ex.getCause().getMessage());
        }
      }
      LOG.info("read-ahead rendered {} of the {} most requested representations at data version {}", rendered,
          top.size(), seen);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      boolean again;
      synchronized (this) {
        readAheadScheduled = false;
        again = storeVersion.getAsLong() != version;
      }
      if (again) {
        version();
      }
    }
  }

  /** The most requested keys, and the demand of all halved: what was popular long ago fades. */
  private synchronized List<Map.Entry<Key, Callable<Rendered>>> mostRequested() {
    List<Map.Entry<Key, Demand>> all = new ArrayList<>(demand.entrySet());
    all.sort(Comparator.comparingLong((Map.Entry<Key, Demand> e) -> e.getValue().requests).reversed());
    List<Map.Entry<Key, Callable<Rendered>>> top = new ArrayList<>();
    for (Map.Entry<Key, Demand> e : all.subList(0, Math.min(readAhead, all.size()))) {
      top.add(Map.entry(e.getKey(), e.getValue().render));
    }
    demand.values().forEach(d -> d.requests /= 2);
    demand.values().removeIf(d -> d.requests == 0);
    return top;
  }

  synchronized long hits() {
    return hits;
  }

  synchronized long misses() {
    return misses;
  }

  synchronized int size() {
    return entries.size();
  }

  /** Bytes held, keys included. */
  synchronized long bytes() {
    return bytes;
  }

  synchronized Optional<Representation> peek(Key key) {
    return Optional.ofNullable(entries.get(key));
  }
}
