package se.loftesgrafen.harvest;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a sources file.
 *
 * @param location     where to read: an http(s) URL, a local file or folder, or a WARC archive (resolved)
 * @param municipality SCB code of the municipality the source belongs to, when known
 * @param discover     whether to follow links that look like promise pages
 * @param originalUrl  the public URL of a local copy, used as the page's identity in provenance
 */
public record Source(URI location, Optional<String> municipality, boolean discover, Optional<URI> originalUrl) {
  public Source {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(municipality, "municipality");
    Objects.requireNonNull(originalUrl, "originalUrl");
  }

  public boolean isLocal() {
    return "file".equals(location.getScheme());
  }
}
