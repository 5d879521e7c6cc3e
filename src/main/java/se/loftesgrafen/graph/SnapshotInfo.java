package se.loftesgrafen.graph;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Provenance of one fetched (or read) page: what the graph says about a source snapshot.
 *
 * @param url          the page's URL (its public address; for local files the original URL when known)
 * @param fetchedAt    when it was fetched or read
 * @param httpStatus   HTTP status of the fetch (an archive's: its crawler's), or {@link #NO_HTTP} for a page read from
 *                     a local file, where no HTTP exchange took place
 * @param contentType  the content type as served or detected
 * @param sha256       hex SHA-256 of the body
 * @param warcRecordId the WARC record holding the response, as {@code urn:uuid:...}
 * @param warcFile     the WARC file name in the store folder
 * @param runId        the harvest run that fetched it
 * @param previous     the snapshot IRI this one revises (same URL, earlier content)
 */
public record SnapshotInfo(String url, Instant fetchedAt, int httpStatus, String contentType, String sha256,
                           Optional<String> warcRecordId, Optional<String> warcFile, String runId,
                           Optional<String> previous) {
  /** The status of a page read from a local file: none, since nothing was fetched. */
  public static final int NO_HTTP = 0;

  /** The HTTP status, when the page was fetched over HTTP (or taken from an archive's HTTP response). */
  public java.util.OptionalInt status() {
    return httpStatus == NO_HTTP ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(httpStatus);
  }

  public SnapshotInfo {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(warcRecordId, "warcRecordId");
    Objects.requireNonNull(warcFile, "warcFile");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(previous, "previous");
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a hex SHA-256: " + sha256);
    }
  }
}
