package se.loftesgrafen.extract;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Bytes of one fetched or local page, as the extractor gets them.
 *
 * @param source      how the user named it (a path as given, or the URL)
 * @param uri         where it came from (file: or http(s):), used for the site domain and the URL path
 * @param body        the raw bytes (HTML, PDF or text)
 * @param contentType the Content-Type header when there was one (may carry a charset)
 */
public record SourceDocument(String source, URI uri, byte[] body, Optional<String> contentType) {
  public SourceDocument {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(contentType, "contentType");
  }
}
