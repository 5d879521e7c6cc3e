package se.loftesgrafen.graph.sparql;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The time limit of the query running on this thread, for work that Jena's cancellation does not reach: the
 * optimizer folds constant expressions (a REGEX on a literal) before the query's timer and cancel signal exist.
 */
final class QueryDeadline {
  private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

  private QueryDeadline() {}

  static <T> T within(Duration limit, Supplier<T> work) {
    Long outer = DEADLINE.get();
    DEADLINE.set(System.nanoTime() + limit.toNanos());
    try {
      return work.get();
    } finally {
      if (outer == null) {
        DEADLINE.remove();
      } else {
        DEADLINE.set(outer);
      }
    }
  }

  /** The deadline in {@link System#nanoTime()} terms, or 0 when no query with a limit runs on this thread. */
  static long current() {
    Long d = DEADLINE.get();
    return d == null ? 0 : d;
  }
}
