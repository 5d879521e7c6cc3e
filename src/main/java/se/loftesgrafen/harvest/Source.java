package se.loftesgrafen.harvest;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a sources file.
 *
 * @param location       where to read: an http(s) URL, a local file or folder, or a WARC archive (resolved)
 * @param municipalities SCB codes of the municipalities the source belongs to, when known
 * @param discover       whether to follow links that look like promise pages (and sitemaps of a site root)
 * @param originalUrl    the public URL of a local copy, used as the page's identity in provenance
 * @param schedule       a Quartz cron expression of its own; empty means the configured harvest.schedule
 */
public record Source(URI location, List<String> municipalities, boolean discover, Optional<URI> originalUrl,
                     Optional<String> schedule) {
  public Source {
    Objects.requireNonNull(location, "location");
    municipalities = List.copyOf(municipalities);
    Objects.requireNonNull(originalUrl, "originalUrl");
    Objects.requireNonNull(schedule, "schedule");
  }

  /** What kind of reading a source needs. */
  public enum Kind { HTTP, FILE, WARC }

  public Kind kind() {
    if ("http".equals(location.getScheme()) || "https".equals(location.getScheme())) {
      return Kind.HTTP;
    }
    return isWarc(location.getPath()) ? Kind.WARC : Kind.FILE;
  }

  public boolean isLocal() {
    return "file".equals(location.getScheme());
  }

  static boolean isWarc(String path) {
    String p = path == null ? "" : path.toLowerCase(Locale.ROOT);
    return p.endsWith(".warc") || p.endsWith(".warc.gz");
  }
}
