package se.loftesgrafen.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Swedish analysis: stemming and compound splitting with the dictionary built from the theme labels. */
class SwedishSearchAnalyzerTest {
  static Analyzer analyzer;
  static Set<String> dictionary;

  @BeforeAll
  static void build() {
    dictionary = CompoundDictionary.load();
    analyzer = new SwedishSearchAnalyzer(dictionary);
  }

  static List<String> terms(String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }

  @Test
  void theDictionaryHoldsThemeWordsButNotGenericParts() {
    assertTrue(dictionary.contains("narkotika"));
    assertTrue(dictionary.contains("klotter"));
    assertFalse(dictionary.contains("brott"), "generic parts would make every compound match");
  }

  @ParameterizedTest(name = "{0} shares a term with {1}")
  @CsvSource({
      "narkotikabrott, narkotika",
      "narkotikamissbruket, narkotika",
      "narkotikahund, narkotikan",
      "narkotikabrottsligheten, narkotikabrott",
      "trafiksäkerheten, trafik",
      "klotterplank, klotter",
      "skolorna, skolan"})
  void aCompoundOrAnInflectionFindsItsWord(String indexed, String searched) throws IOException {
    List<String> doc = terms(indexed);
    List<String> query = terms(searched);
    assertTrue(query.stream().anyMatch(doc::contains), doc + " vs " + query);
  }

  @Test
  void unrelatedWordsDoNotMatch() throws IOException {
    List<String> doc = terms("brottsförebyggande råd");
    assertFalse(terms("narkotikabrott").stream().filter(t -> !t.equals("narkotikabrott")).anyMatch(doc::contains),
        "narkotikabrott must not find every text about brott: " + doc);
  }

  @Test
  void stopWordsAndRepeatedTermsAreDropped() throws IOException {
    assertEquals(List.of("polis", "narkotikan", "narkotik"), terms("polisen och narkotikan"));
  }
}
