package se.loftesgrafen.web;

import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Limits per client, a client being the address its connection comes from (behind a proxy every client is the
 * proxy: put per-client limits in the proxy there). Two kinds: how many requests of a kind a client may have
 * running at once ({@link Concurrency}: SPARQL queries, so that one greedy client cannot take the pool from the
 * others), and how many failures of a kind it may cause in a window ({@link Failures}: wrong admin tokens).
 */
final class ClientLimits {
  /** More distinct clients than this and the idle ones are forgotten. */
  private static final int MAX_CLIENTS = 10_000;

  private ClientLimits() {}

  static String client(RoutingContext ctx) {
    return ctx.request().remoteAddress() == null ? "-" : ctx.request().remoteAddress().hostAddress();
  }

  /** At most {@code perClient} requests of one client at once. */
  static final class Concurrency {
    private final int perClient;
    private final ConcurrentHashMap<String, AtomicInteger> running = new ConcurrentHashMap<>();

    Concurrency(int perClient) {
      this.perClient = perClient;
    }

    int perClient() {
      return perClient;
    }

    /** Takes a slot for the client; false when it already has {@code perClient} running. */
    boolean tryAcquire(String client) {
      AtomicInteger n = running.computeIfAbsent(client, c -> new AtomicInteger());
      if (n.incrementAndGet() > perClient) {
        release(client);
        return false;
      }
      return true;
    }

    void release(String client) {
      running.computeIfPresent(client, (c, n) -> n.decrementAndGet() <= 0 ? null : n);
    }
  }

  /** At most {@code allowed} failures of one client per window; the window starts at its first failure. */
  static final class Failures {
    private record Window(long start, int count) {
    }

    private final int allowed;
    private final long windowNanos;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    Failures(int allowed, Duration window, LongSupplier clock) {
      this.allowed = allowed;
      this.windowNanos = window.toNanos();
      this.clock = clock;
    }

    /** Seconds until the client may try again, or 0 when it may now. */
    int blockedFor(String client) {
      Window w = windows.get(client);
      long now = clock.getAsLong();
      if (w == null || now - w.start() >= windowNanos || w.count() < allowed) {
        return 0;
      }
      return (int) Math.max(1, Duration.ofNanos(w.start() + windowNanos - now).toSeconds() + 1);
    }

    void failed(String client) {
      long now = clock.getAsLong();
      if (windows.size() > MAX_CLIENTS) {
        windows.values().removeIf(w -> now - w.start() >= windowNanos);
      }
      windows.merge(client, new Window(now, 1), (old, one) -> now - old.start() >= windowNanos ? one
          : new Window(old.start(), old.count() + 1));
    }
  }
}
