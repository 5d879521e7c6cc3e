package se.loftesgrafen.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.graph.compare.TriedSources;
import se.loftesgrafen.harvest.Source;
import se.loftesgrafen.harvest.SourcesFile;

/**
 * The municipalities of the configured sources (the sources file and the bundled sample's), by page URL: with the
 * store's snapshots, coverage tells a municipality whose source was harvested with nothing found from one never
 * harvested. Read once at mount. A sources file that cannot be read only costs that distinction (logged).
 */
final class ConfiguredSources {
  private static final Logger LOG = LoggerFactory.getLogger("web");

  private ConfiguredSources() {}

  static TriedSources tried(AppConfig config) {
    Map<String, Set<String>> byUrl = new HashMap<>();
    for (Path file : new Path[] {config.harvest().sources(), config.harvest().sampleSources()}) {
      if (!Files.isRegularFile(file)) {
        continue;
      }
      try {
        SourcesFile.read(file).forEach(s -> add(byUrl, s));
      } catch (RuntimeException e) {
        LOG.warn("coverage cannot read the sources file {}: {}", file, e.getMessage());
      }
    }
    return new TriedSources(byUrl);
  }

  private static void add(Map<String, Set<String>> byUrl, Source s) {
    if (s.municipalities().isEmpty()) {
      return;
    }
    byUrl.computeIfAbsent(s.location().toString(), u -> new HashSet<>()).addAll(s.municipalities());
    s.originalUrl().ifPresent(u -> byUrl.computeIfAbsent(u.toString(), x -> new HashSet<>()).addAll(s.municipalities()));
  }
}
