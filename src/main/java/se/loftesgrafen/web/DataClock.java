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
 */
final class DataClock {
  private final PromiseStore store;

  DataClock(PromiseStore store) {
    this.store = store;
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
