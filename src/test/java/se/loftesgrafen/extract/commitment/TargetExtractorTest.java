package se.loftesgrafen.extract.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.loftesgrafen.extract.ExtractionRules;

class TargetExtractorTest {
  private static final TargetExtractor TARGETS = new TargetExtractor(ExtractionRules.load());

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Polisen har som mål att lagföra minst fem personer för narkotikabrott.   | 5   | personer
      Kommunen bjuder in föräldrar vid minst två tillfällen under hösten.      | 2   | tillfällen
      Polisen besöker skolan två gånger per termin.                            | 2   | gånger
      närvara med synlig polis med en tidsåtgång om minst 900 timmar per år.   | 900 | timmar
      Genomföra minst 3 medborgarmöten i offentlig miljö per år.               | 3   | medborgarmöten
      """)
  void findsTargets(String text, double quantity, String unit) {
    var targets = TARGETS.extract(text);
    assertEquals(1, targets.size(), targets.toString());
    assertEquals(quantity, targets.get(0).quantity());
    assertEquals(unit, targets.get(0).unit());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Kommunen utvecklar ett arbete för ungdom i åldern 15-25 år.
      Föreläsa om droger för elever i åk 8.
      """)
  void aBareNumberIsNoTarget(String text) {
    assertTrue(TARGETS.extract(text).isEmpty(), TARGETS.extract(text).toString());
  }
}
