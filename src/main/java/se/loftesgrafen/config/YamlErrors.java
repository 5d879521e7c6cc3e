package se.loftesgrafen.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.ArrayList;

/**
 * Messages for YAML files that name the line of the problem. Jackson buffers record properties, so the location
 * of an unknown-key error is where the parser stopped, not where the key is; this finds the key again.
 */
public final class YamlErrors {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private YamlErrors() {}

  public static ConfigException unknownKey(Path file, UnrecognizedPropertyException e) {
    List<JsonMappingException.Reference> path = e.getPath();
    int line = lineOf(file, path);
    return new ConfigException(file + (line > 0 ? " line " + line : "") + ": unknown key '"
        + e.getPropertyName() + "' (known: " + e.getKnownPropertyIds() + ")");
  }

  /**
   * The 1-based line of the key at {@code path}, given as field names and list indexes
   * (e.g. {@code "sources", 3, "municipality"}), or 0 when not found.
   */
  public static int line(Path file, Object... path) {
    List<JsonMappingException.Reference> refs = new ArrayList<>();
    for (Object step : path) {
      refs.add(step instanceof Integer i ? new JsonMappingException.Reference(null, i)
          : new JsonMappingException.Reference(null, String.valueOf(step)));
    }
    return lineOf(file, refs);
  }

  /** The 1-based line of the key at {@code path} (field names and list indexes), or 0 when not found. */
  static int lineOf(Path file, List<JsonMappingException.Reference> path) {
    List<String> wanted = path.stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex())).toList();
    try (JsonParser p = FACTORY.createParser(file.toFile())) {
      Deque<String> containers = new ArrayDeque<>();
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          var parent = p.getParsingContext().getParent();
          containers.addLast(parent == null || parent.inRoot() ? "" : parent.inArray()
              ? String.valueOf(parent.getCurrentIndex()) : parent.getCurrentName());
        } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          containers.pollLast();
        } else if (t == JsonToken.FIELD_NAME) {
          List<String> here = new ArrayList<>(containers).subList(1, containers.size());
          List<String> full = new ArrayList<>(here);
          full.add(p.currentName());
          if (full.equals(wanted)) {
            return p.currentTokenLocation().getLineNr();
          }
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return 0;
  }
}
