package se.loftesgrafen.extract.followup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import se.loftesgrafen.extract.ExtractionRules;

/**
 * The follow-up reader's rules ({@code extract/followup.yaml}), compiled once. A pattern that does not compile
 * fails construction with its section and index. Number words come from the extraction rules
 * ({@code number_words}), so that "elva" and "femtiotvå" count here as they do in targets.
 */
public final class FollowUpRules {
  static final String RESOURCE = "extract/followup.yaml";
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

  private final JsonNode root;
  private final Map<String, Integer> numberWords;

  private FollowUpRules(JsonNode root, Map<String, Integer> numberWords) {
    this.root = root;
    this.numberWords = Map.copyOf(numberWords);
  }

  /** The shipped rules. */
  public static FollowUpRules load() {
    try (InputStream in = FollowUpRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("follow-up rules not on the classpath: " + RESOURCE);
      }
      return parse(in.readAllBytes(), ExtractionRules.load().intMap("number_words"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read follow-up rules " + RESOURCE, e);
    }
  }

  static FollowUpRules parse(byte[] yaml, Map<String, Integer> numberWords) {
    try {
      return new FollowUpRules(new ObjectMapper(new YAMLFactory()).readTree(yaml), numberWords);
    } catch (IOException e) {
      throw new IllegalStateException("follow-up rules are not valid YAML: " + e.getMessage(), e);
    }
  }

  /** Number words ("elva" = 11) by their lower-case form. */
  Map<String, Integer> numberWords() {
    return numberWords;
  }

  /** The patterns of a list section. */
  List<Pattern> patterns(String section) {
    List<Pattern> out = new ArrayList<>();
    int i = 0;
    for (JsonNode n : section(section)) {
      out.add(compile(section + "[" + i++ + "]", n.asText()));
    }
    return List.copyOf(out);
  }

  /** The one pattern of a scalar section. */
  Pattern pattern(String section) {
    return compile(section, section(section).asText());
  }

  /** A section of named pattern lists ({@code verdicts}, {@code actors}). */
  Map<String, List<Pattern>> named(String section) {
    Map<String, List<Pattern>> out = new LinkedHashMap<>();
    section(section).properties().forEach(e -> {
      List<Pattern> ps = new ArrayList<>();
      int i = 0;
      for (JsonNode n : e.getValue()) {
        ps.add(compile(section + "." + e.getKey() + "[" + i++ + "]", n.asText()));
      }
      out.put(e.getKey(), List.copyOf(ps));
    });
    return out;
  }

  /** A section of words, lower case. */
  Set<String> words(String section) {
    Set<String> out = new TreeSet<>();
    section(section).forEach(n -> out.add(n.asText().toLowerCase(Locale.ROOT)));
    return Set.copyOf(out);
  }

  /** Whether any of the patterns is found in the text. */
  static boolean any(List<Pattern> patterns, String text) {
    for (Pattern p : patterns) {
      if (p.matcher(text).find()) {
        return true;
      }
    }
    return false;
  }

  private Pattern compile(String name, String regex) {
    String words = String.join("|", numberWords.keySet().stream()
        .sorted((a, b) -> b.length() - a.length()).toList());
    try {
      return Pattern.compile(regex.replace("{WORDS}", words), FLAGS);
    } catch (PatternSyntaxException e) {
      throw new IllegalStateException("follow-up rule " + name + " does not compile: " + e.getDescription(), e);
    }
  }

  private JsonNode section(String name) {
    JsonNode n = root.get(name);
    if (n == null) {
      throw new IllegalStateException("follow-up rules lack section '" + name + "' (" + RESOURCE + ")");
    }
    return n;
  }
}
