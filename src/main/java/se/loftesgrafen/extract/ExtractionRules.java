package se.loftesgrafen.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * The extraction rules of {@code extract/rules.yaml}, compiled once. A rule that does not compile fails
 * construction with its section and index, so a broken rule stops start-up instead of silently matching nothing.
 */
public final class ExtractionRules {
  static final String DEFAULT_RESOURCE = "extract/rules.yaml";
  private static final String WORD_BOUNDARY = "\\b";
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.MULTILINE
      | Pattern.UNICODE_CHARACTER_CLASS;

  private final JsonNode root;
  private final Map<String, String> placeholders = new LinkedHashMap<>();

  private ExtractionRules(JsonNode root) {
    this.root = root;
    Map<String, Integer> numbers = intMap("number_words");
    placeholders.put("{NUM}", "\\d+(?:[.,]\\d+)?|" + String.join("|", numbers.keySet()));
    String months = String.join("|", intMap("months").keySet());
    placeholders.put("{MONTH}", months);
    placeholders.put("{DATE}", "(?<date>\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\s+(?:" + months + ")\\s+\\d{4})");
  }

  /** The rules shipped in the jar. */
  public static ExtractionRules load() {
    return load(DEFAULT_RESOURCE);
  }

  static ExtractionRules load(String resource) {
    try (InputStream in = ExtractionRules.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("extraction rules not on the classpath: " + resource);
      }
      return parse(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read extraction rules " + resource, e);
    }
  }

  static ExtractionRules parse(byte[] yaml) {
    try {
      return new ExtractionRules(new ObjectMapper(new YAMLFactory()).readTree(yaml));
    } catch (IOException e) {
      throw new IllegalStateException("extraction rules are not valid YAML: " + e.getMessage(), e);
    }
  }

  /** The patterns of a section, each compiled alone (for the rooms that need to know which one matched). */
  public List<Pattern> patterns(String section) {
    return compileAll(section, section(section));
  }

  /**
   * The patterns of a section as one alternation, for sections that are only asked "does any match" or "where is
   * the first match": one scan of the text instead of one per pattern. Each pattern is still compiled alone
   * first, so that a broken one is reported by its index.
   */
  public List<Pattern> combined(String section) {
    return List.of(combine(section, patterns(section)));
  }

  /** As {@link #namedPatterns(String)}, each list combined into one alternation. */
  public Map<String, List<Pattern>> namedCombined(String section) {
    Map<String, List<Pattern>> out = new LinkedHashMap<>();
    namedPatterns(section).forEach((k, v) -> out.put(k, List.of(combine(section + "." + k, v))));
    return out;
  }

  /**
   * One alternation of the patterns. When every one of them starts at a word boundary, the boundary is checked once
   * before the alternation, so that a position inside a word fails at once instead of in each alternative.
   */
  private static Pattern combine(String name, List<Pattern> patterns) {
    boolean allAtWordStart = patterns.stream().allMatch(p -> p.pattern().startsWith(WORD_BOUNDARY));
    StringBuilder regex = new StringBuilder();
    for (Pattern p : patterns) {
      String one = allAtWordStart ? p.pattern().substring(WORD_BOUNDARY.length()) : p.pattern();
      regex.append(regex.isEmpty() ? "" : "|").append("(?:").append(one).append(')');
    }
    if (allAtWordStart) {
      regex.insert(0, WORD_BOUNDARY + "(?:").append(')');
    }
    try {
      return Pattern.compile(regex.toString(), FLAGS);
    } catch (PatternSyntaxException e) {
      throw new IllegalStateException("rules of " + name + " cannot be combined: " + e.getDescription(), e);
    }
  }

  /** A section of named lists: {@code name: [pattern, ...]}. */
  public Map<String, List<Pattern>> namedPatterns(String section) {
    Map<String, List<Pattern>> out = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = section(section).properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), compileAll(section + "." + e.getKey(), e.getValue()));
    }
    return out;
  }

  /** A section of plain strings: {@code [value, ...]}. */
  public List<String> strings(String section) {
    List<String> out = new ArrayList<>();
    section(section).forEach(n -> out.add(n.asText()));
    return out;
  }

  /** A section of named string lists: {@code name: [value, ...]}. */
  public Map<String, List<String>> stringLists(String section) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    section(section).properties().forEach(e -> {
      List<String> values = new ArrayList<>();
      e.getValue().forEach(v -> values.add(v.asText().toLowerCase(java.util.Locale.ROOT)));
      out.put(e.getKey(), List.copyOf(values));
    });
    return out;
  }

  /** A section of numbers by name: {@code name: n} (number words, months, weights). */
  public Map<String, Integer> intMap(String section) {
    Map<String, Integer> out = new LinkedHashMap<>();
    section(section).properties().forEach(e -> out.put(e.getKey(), e.getValue().asInt()));
    return out;
  }

  /** CSS selectors, checked now so that a typo fails start-up, not the first page. */
  public List<String> selectors(String section) {
    List<String> out = strings(section);
    for (int i = 0; i < out.size(); i++) {
      try {
        Evaluator unused = QueryParser.parse(out.get(i));
      } catch (Selector.SelectorParseException | IllegalArgumentException e) {
        throw new IllegalStateException("broken rule " + section + "[" + i + "]: " + e.getMessage(), e);
      }
    }
    return out;
  }

  String expand(String regex) {
    String out = regex;
    for (Map.Entry<String, String> p : placeholders.entrySet()) {
      out = out.replace(p.getKey(), p.getValue());
    }
    return out;
  }

  private List<Pattern> compileAll(String name, JsonNode list) {
    if (!list.isArray()) {
      throw new IllegalStateException("broken rule " + name + ": expected a list of patterns");
    }
    List<Pattern> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      try {
        out.add(Pattern.compile(expand(list.get(i).asText()), FLAGS));
      } catch (PatternSyntaxException e) {
        throw new IllegalStateException("broken rule " + name + "[" + i + "]: " + e.getDescription()
            + " in " + list.get(i).asText(), e);
      }
    }
    return List.copyOf(out);
  }

  private JsonNode section(String name) {
    JsonNode n = root.get(name);
    if (n == null || n.isNull()) {
      throw new IllegalStateException("extraction rules lack section " + name);
    }
    return n;
  }

  /** Whether any of these compiled rules is found in {@code s}: the one question every rule list is asked. */
  public static boolean any(List<Pattern> patterns, String s) {
    for (Pattern p : patterns) {
      if (p.matcher(s).find()) {
        return true;
      }
    }
    return false;
  }
}
