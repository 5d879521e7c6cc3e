package se.loftesgrafen.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FoldedRegexTest {
  private static final int CASE_INSENSITIVE_UNICODE = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE
      | Pattern.MULTILINE | Pattern.UNICODE_CHARACTER_CLASS;

  /** Every match (start, end) of the pattern, as the folded and the case-insensitive pattern find them. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      '\\bska\\b' | Polisen SKA öka närvaron. Skall vi? ska
      '\\bäldre än\\b' | Personer ÄLDRE ÄN arton år; äldre än 65
      '\\b(öka|minska) (närvaro|tryggheten)\\b' | Öka NÄRVARO och minska tryggheten
      '[a-zåäöé-]+ (kommun|stad)\\b' | Åre Kommun, Malmö stad och ÖSTERSUNDS KOMMUN
      '(?<=\\p{Ll}) (?=(?-i:Öka|Skapa)\\b)' | vi ska Öka närvaron och öka mer, skapa Skapa
      '\\bsäger\\s+(?-i:\\p{Lu})' | säger Anna och SÄGER anna
      '^\\p{Lu}\\p{Ll}+ kommun' | ÅMÅL KOMMUN\\nåmål kommun\\nÅmål kommun
      '(?<fy>(?:19|20)\\d\\d)\\s+års\\s+(?<what>löfte\\w*)' | 2018 ÅRS LÖFTEN gäller även 2019 års löfte
      '[^\\wåäö]+(ab|ÅB)\\b' | Bostäder AB, bostäder ab och Ab
      '\\p{L}+bostäder\\b' | Gavlegårdarna och Ludvikahem; Skebobostäder, SKEBOBOSTÄDER
      """)
  void findsWhatTheCaseInsensitivePatternFinds(String regex, String text) {
    String t = text.replace("\\n", "\n");
    assertNotNull(FoldedRegex.fold(regex), "folded: " + regex);
    assertEquals(matches(Pattern.compile(regex, CASE_INSENSITIVE_UNICODE), t), matches(FoldedRegex.compile(regex), t));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      \\Qa.b\\E
      (?i)ska
      """)
  void leavesWhatItDoesNotRewriteAsItWas(String regex) {
    assertNull(FoldedRegex.fold(regex));
    assertEquals(matches(Pattern.compile(regex, CASE_INSENSITIVE_UNICODE), "SKA a.b"),
        matches(FoldedRegex.compile(regex), "SKA a.b"));
  }

  /** Every pattern of the shipped rules finds the same matches, folded, in the text of every fixture page. */
  @Test
  void everyShippedRuleMatchesAsBefore() throws IOException {
    ExtractionRules rules = ExtractionRules.load();
    JsonNode root;
    try (InputStream in = ExtractionRules.class.getClassLoader().getResourceAsStream(ExtractionRules.DEFAULT_RESOURCE)) {
      root = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
    List<String> regexes = new ArrayList<>();
    collect(root, regexes);
    List<String> lines = new ArrayList<>();
    for (Fixtures.Case c : Fixtures.cases()) {
      lines.addAll(List.of(new String(c.document().body(), StandardCharsets.UTF_8).split("\n")));
    }
    int folded = 0;
    for (String raw : regexes) {
      String regex = rules.expand(raw);
      Pattern original;
      try {
        original = Pattern.compile(regex, CASE_INSENSITIVE_UNICODE);
      } catch (PatternSyntaxException notARegex) {
        continue; // CSS selectors and plain words live in the same file
      }
      folded += FoldedRegex.fold(regex) == null ? 0 : 1;
      Pattern mine = FoldedRegex.compile(regex);
      for (String line : lines) {
        assertEquals(matches(original, line), matches(mine, line), regex + " on " + line);
      }
    }
    assertTrue(folded > 300, "most rules are folded: " + folded);
  }

  private static void collect(JsonNode n, List<String> out) {
    if (n.isTextual()) {
      out.add(n.asText());
    }
    n.forEach(child -> collect(child, out));
  }

  private static List<String> matches(Pattern p, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(m.start() + "-" + m.end());
    }
    return out;
  }
}
