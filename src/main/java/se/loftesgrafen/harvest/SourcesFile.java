package se.loftesgrafen.harvest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.loftesgrafen.config.ConfigException;
import se.loftesgrafen.config.YamlErrors;

/** Reads a sources file ({@code sources.yaml}); unknown keys and bad values are reported with their line. */
public final class SourcesFile {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  record Entry(String url, String municipality, Boolean discover, String originalUrl) {
  }

  record Document(List<Entry> sources) {
  }

  private SourcesFile() {}

  public static List<Source> read(Path file) {
    Document doc;
    try {
      doc = YAML.readValue(file.toFile(), Document.class);
    } catch (UnrecognizedPropertyException e) {
      throw YamlErrors.unknownKey(file, e);
    } catch (JsonProcessingException e) {
      throw new ConfigException(file + " " + line(e.getLocation()) + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigException("cannot read sources file " + file + ": " + e.getMessage());
    }
    if (doc == null || doc.sources() == null) {
      throw new ConfigException(file + ": no 'sources:' list");
    }
    List<String> problems = new ArrayList<>();
    List<Source> sources = new ArrayList<>();
    Path folder = file.toAbsolutePath().getParent();
    for (int i = 0; i < doc.sources().size(); i++) {
      Entry e = doc.sources().get(i);
      String at = file + " entry " + (i + 1) + ": ";
      if (e == null || e.url() == null || e.url().isBlank()) {
        problems.add(at + "'url' is required");
        continue;
      }
      if (e.municipality() != null && !e.municipality().matches("\\d{4}")) {
        problems.add(at + "municipality must be a four-digit SCB code, not '" + e.municipality() + "'");
      }
      Optional<URI> location = resolve(folder, e.url());
      if (location.isEmpty()) {
        problems.add(at + "url must be http(s), file or a path, not '" + e.url() + "'");
        continue;
      }
      Optional<URI> original = Optional.ofNullable(e.originalUrl()).flatMap(u -> resolve(folder, u))
          .filter(u -> u.getScheme().startsWith("http"));
      sources.add(new Source(location.get(), Optional.ofNullable(e.municipality()),
          Boolean.TRUE.equals(e.discover()), original));
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return List.copyOf(sources);
  }

  private static Optional<URI> resolve(Path folder, String url) {
    String u = url.trim();
    if (u.startsWith("http://") || u.startsWith("https://") || u.startsWith("file:")) {
      try {
        return Optional.of(URI.create(u));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    if (u.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      return Optional.empty();
    }
    return Optional.of(folder.resolve(u).normalize().toUri());
  }

  private static String line(JsonLocation location) {
    return location == null ? "" : "line " + location.getLineNr() + ": ";
  }
}
