package se.loftesgrafen.harvest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one fetch gave, as a value (STYLE: expected outcomes are values, not exceptions). {@code url} is always the
 * URL asked for; a {@link Fetched} page also names where redirects ended.
 */
public sealed interface FetchResult {
  URI url();

  /**
   * A 2xx response with its body.
   *
   * @param finalUrl     where redirects ended (the page's identity)
   * @param contentType  the Content-Type header as sent (may carry a charset), or empty
   * @param validators   ETag and Last-Modified for the next conditional GET
   * @param warc         the WARC response record holding it
   */
  record Fetched(URI url, URI finalUrl, int status, Optional<String> contentType, byte[] body,
                 Validators validators, Instant fetchedAt, Optional<WarcRef> warc) implements FetchResult {
    public Fetched {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(finalUrl, "finalUrl");
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(validators, "validators");
      Objects.requireNonNull(fetchedAt, "fetchedAt");
      Objects.requireNonNull(warc, "warc");
    }
  }

  /** A 304: the page is as it was when its validators were given. */
  record NotModified(URI url, URI finalUrl, Instant fetchedAt) implements FetchResult {
  }

  /** robots.txt forbids it, or it is not an address we may fetch (scheme, private address). */
  record Disallowed(URI url, String reason) implements FetchResult {
  }

  /**
   * Anything else: an HTTP error status, or 0 for a network failure, timeout or limit.
   *
   * @param redirects the URLs passed through before failing (a loop repeats one)
   */
  record Failed(URI url, int status, String reason, List<URI> redirects) implements FetchResult {
    public Failed {
      Objects.requireNonNull(reason, "reason");
      redirects = List.copyOf(redirects);
    }

    public Failed(URI url, int status, String reason) {
      this(url, status, reason, List.of());
    }

    /** 404 and 410: the page is gone (RFC 9110 §15.5.5, §15.5.11). */
    public boolean gone() {
      return status == 404 || status == 410;
    }
  }

  /** ETag and Last-Modified as the server sent them. */
  record Validators(Optional<String> etag, Optional<String> lastModified) {
    public static final Validators NONE = new Validators(Optional.empty(), Optional.empty());

    public Validators {
      Objects.requireNonNull(etag, "etag");
      Objects.requireNonNull(lastModified, "lastModified");
    }

    public boolean isEmpty() {
      return etag.isEmpty() && lastModified.isEmpty();
    }
  }

  /** Where a response is kept: a WARC record id ({@code urn:uuid:...}) in a file of the store's warc/ folder. */
  record WarcRef(String recordId, String file) {
    public WarcRef {
      Objects.requireNonNull(recordId, "recordId");
      Objects.requireNonNull(file, "file");
    }
  }
}
