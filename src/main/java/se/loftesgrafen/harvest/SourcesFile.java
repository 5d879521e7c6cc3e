package se.loftesgrafen.harvest;

import com.fasterxml.jackson.annotation.JsonFormat;
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
import org.quartz.CronExpression;
import se.loftesgrafen.config.ConfigException;
import se.loftesgrafen.config.YamlErrors;

/**
 * Reads a sources file ({@code sources.yaml}); unknown keys and bad values are reported with their line.
 * Only http(s) URLs, local files and folders, and WARC archives are sources (no other scheme is ever fetched).
 */
public final class SourcesFile {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  record Entry(String url, @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> municipality,
               Boolean discover, String originalUrl, String schedule) {
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
      if (e == null || e.url() == null || e.url().isBlank()) {
        problems.add(at(file, i, "url") + "url is required");
        continue;
      }
      List<String> codes = new ArrayList<>();
      for (String field : e.municipality() == null ? List.<String>of() : e.municipality()) {
        for (String code : field == null ? new String[0] : field.trim().split("[\\s,]+")) {
          if (code.matches("\\d{4}")) {
            codes.add(code);
          } else {
            problems.add(at(file, i, "municipality") + "municipality must be a four-digit SCB code, not '"
                + code + "'");
          }
        }
      }
      if (e.schedule() != null && !CronExpression.isValidExpression(e.schedule())) {
        problems.add(at(file, i, "schedule") + "schedule is not a Quartz cron expression: '" + e.schedule() + "'");
      }
      Optional<URI> location = resolve(folder, e.url());
      if (location.isEmpty()) {
        problems.add(at(file, i, "url") + "url must be http(s), a file, a folder or a .warc(.gz), not '"
            + e.url() + "'");
        continue;
      }
      Optional<URI> original = Optional.ofNullable(e.originalUrl()).flatMap(u -> resolve(folder, u))
          .filter(u -> u.getScheme().startsWith("http"));
      if (e.originalUrl() != null && original.isEmpty()) {
        problems.add(at(file, i, "originalUrl") + "originalUrl must be an http(s) URL, not '" + e.originalUrl() + "'");
      }
      sources.add(new Source(location.get(), codes, Boolean.TRUE.equals(e.discover()), original,
          Optional.ofNullable(e.schedule())));
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return List.copyOf(sources);
  }

  private static String at(Path file, int index, String key) {
    int line = YamlErrors.line(file, "sources", index, key);
    if (line == 0) {
      line = YamlErrors.line(file, "sources", index);
    }
    return file + (line > 0 ? " line " + line : "") + " (entry " + (index + 1) + "): ";
  }

  private static Optional<URI> resolve(Path folder, String url) {
    String u = url.trim();
    try {
      if (u.startsWith("http://") || u.startsWith("https://")) {
        URI uri = new URI(u);
        return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
      }
      if (u.startsWith("file:")) {
        return Optional.of(new URI(u));
      }
    } catch (java.net.URISyntaxException e) {
      return Optional.empty();
    }
    if (u.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !u.matches("^[a-zA-Z]:[\\\\/].*")) {
      return Optional.empty();
    }
    return Optional.of(folder.resolve(u).normalize().toUri());
  }

  private static String line(JsonLocation location) {
    return location == null ? "" : "line " + location.getLineNr() + ": ";
  }
}
