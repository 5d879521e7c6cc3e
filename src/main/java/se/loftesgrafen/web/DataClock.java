package se.loftesgrafen.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import se.loftesgrafen.graph.PromiseStore;

/**
 * When the data last changed, for Last-Modified and the catalogue's dcterms:modified: the store's data version is
 * the moment of the last change and is kept in the store, so a restart changes nothing (whole seconds, as HTTP
 * dates have). Also the conditional-request rules of RFC 9110, 13.1.
 *
 * <p>It also notices new versions: {@link #tick()}, on a timer, tells every {@link #onNewVersion} listener when the
 * version moved, whether by a write here or by another replica over the same remote store (whose version the store
 * re-reads every second), so that what is kept per version follows without a restart.
 */
final class DataClock {
  private final PromiseStore store;
  private final java.util.List<java.util.function.LongConsumer> listeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile long seen;

  DataClock(PromiseStore store) {
    this.store = store;
    this.seen = store.version();
  }

  /** Calls {@code listener} with each new data version noticed; on the event loop, so it must only queue work. */
  void onNewVersion(java.util.function.LongConsumer listener) {
    listeners.add(listener);
  }

  /** Compares the store's version (a number in memory) with the last one seen; cheap, safe on the event loop. */
  void tick() {
    long now = store.version();
    if (now != seen) {
      seen = now;
      listeners.forEach(l -> l.accept(now));
    }
  }

  Instant modifiedAt(long version) {
    return Instant.ofEpochMilli(version).truncatedTo(ChronoUnit.SECONDS);
  }

  Instant modified() {
    return modifiedAt(store.version());
  }

  static String httpDate(Instant instant) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
  }

  /**
   * Whether the client's copy is current: If-None-Match decides when present (weak comparison), else
   * If-Modified-Since.
   */
  static boolean notModified(String ifNoneMatch, String ifModifiedSince, String etag, Instant lastModified) {
    if (ifNoneMatch != null) {
      String tag = etag.replaceFirst("^W/", "");
      for (String candidate : ifNoneMatch.split(",")) {
        String c = candidate.trim().replaceFirst("^W/", "");
        if (c.equals("*") || c.equals(tag)) {
          return true;
        }
      }
      return false;
    }
    return parse(ifModifiedSince).map(since -> !lastModified.isAfter(since)).orElse(false);
  }

  private static Optional<Instant> parse(String httpDate) {
    if (httpDate == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(ZonedDateTime.parse(httpDate.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty(); // an invalid date is ignored (RFC 9110, 13.1.3)
    }
  }
}
