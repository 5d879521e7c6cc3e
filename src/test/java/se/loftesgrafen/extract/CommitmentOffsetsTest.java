package se.loftesgrafen.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.loftesgrafen.extract.read.DocumentReader;
import se.loftesgrafen.extract.read.HtmlReader;
import se.loftesgrafen.extract.read.MainText;
import se.loftesgrafen.extract.read.TextReader;

/** Every commitment's offsets point at its own words in the page's main text (the graph records them). */
class CommitmentOffsetsTest {
  static List<Fixtures.Case> cases() {
    return Fixtures.cases();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void offsetsPointAtTheText(Fixtures.Case c) throws IOException {
    ExtractionRules rules = ExtractionRules.load();
    List<Pattern> chrome = rules.combined("chrome_lines");
    MainText main = new DocumentReader(new HtmlReader(rules, chrome), new TextReader(chrome)).read(c.document());
    ExtractedPromise p = Fixtures.extractor().extract(c.document());
    for (Commitment k : p.commitments()) {
      assertFalse(k.text().isBlank());
      assertEquals(k.text(), main.text().substring(k.start(), k.end()), c.name());
    }
  }
}
