package se.loftesgrafen.extract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExtractionRulesTest {
  @Test
  void shippedRulesCompile() {
    ExtractionRules rules = ExtractionRules.load();
    assertFalse(rules.patterns("promise_headings").isEmpty());
    assertFalse(rules.selectors("content_selectors").isEmpty());
  }

  @Test
  void aBrokenPatternStopsStartUpWithItsName() {
    ExtractionRules rules = ExtractionRules.parse("""
        number_words: {en: 1}
        months: {januari: 1}
        promise_headings:
          - "fine"
          - "broken(("
        """.getBytes(StandardCharsets.UTF_8));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> rules.patterns("promise_headings"));
    assertTrue(e.getMessage().contains("promise_headings[1]"), e.getMessage());
  }

  @Test
  void aBrokenSelectorStopsStartUpWithItsName() {
    ExtractionRules rules = ExtractionRules.parse("""
        number_words: {en: 1}
        months: {januari: 1}
        content_selectors: ["main", "div[[["]
        """.getBytes(StandardCharsets.UTF_8));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> rules.selectors("content_selectors"));
    assertTrue(e.getMessage().contains("content_selectors[1]"), e.getMessage());
  }

  @Test
  void aMissingSectionIsNamed() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ExtractionRules.parse("number_words: {en: 1}\n".getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("months"), e.getMessage());
  }
}
