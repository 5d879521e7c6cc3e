package se.loftesgrafen.extract.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.loftesgrafen.extract.ExtractionRules;
import se.loftesgrafen.extract.ThemeLexicon;
import se.loftesgrafen.extract.read.Block;
import se.loftesgrafen.extract.read.MainText;
import se.loftesgrafen.vocab.ThemeLexiconLoader;

/** The theme model's parts on texts written for the test: keywords, features, model file, trainer, extraction. */
class ThemeModelTest {
  private static final ThemeLexicon LEXICON = ThemeLexiconLoader.load();
  private static final ExtractionRules RULES = ExtractionRules.load();
  private static final ThemeClassifier CLASSIFIER = new ThemeClassifier(LEXICON, RULES);
  private static final ThemeFeatures FEATURES = new ThemeFeatures(CLASSIFIER);
  private static final ThemeKeywords KEYWORDS = new ThemeKeywords(LEXICON, RULES);

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      narkotika          | narkotika
      droger             | narkotika
      krogmiljö          | alkohol
      langning           | alkohol
      synlighet/närvaro  | synlighet
      belysning          | fysiska-atgarder
      näringsliv         | brott-mot-naringslivet
      buller             | ordningsstorningar
      Trafik             | trafik
      """)
  void keywordsMapThroughTheVocabularyLabels(String keyword, String id) {
    assertEquals(Set.of(id), KEYWORDS.themes(keyword));
  }

  @Test
  void unknownKeywordsNameNothing() {
    assertEquals(Set.of(), KEYWORDS.themes("stadskärna"));
    assertEquals(Set.of("trafik"), KEYWORDS.themes(List.of("kommunikation", "trafik")));
  }

  @Test
  void prefixesAndCompoundHeads() {
    assertEquals(Set.of("genom", "hasti", "vid", "skolo"),
        ThemeFeatures.prefixes("Genomföra hastighetskontroller vid skolorna"));
    assertEquals(Set.of("troll"), ThemeFeatures.heads("hastighetskontroller och trafikkontroll"));
  }

  @Test
  void featuresNameTheLexiconsHitsTheImpliedAndTheHeading() {
    List<String> f = FEATURES.of("Genomföra trygghetsvandringar i parken", "Trafik");
    assertTrue(f.contains("kw:trygghetsvandring"), f.toString());
    assertTrue(f.contains("imp:otrygga-miljoer"), f.toString());
    assertTrue(f.contains("hkw:trafik"), f.toString());
    assertTrue(f.contains("p:trygg"), f.toString());
  }

  @Test
  void contextIsTheNearestHeadingOrLeadAbove() {
    MainText.Builder b = new MainText.Builder(List.of());
    b.add(Block.Type.HEADING, "Trafik", 0);
    b.add(Block.Type.PARAGRAPH, "Polisen lovar att:", 0);
    b.add(Block.Type.ITEM, "genomföra kontroller av mopeder", 1);
    b.add(Block.Type.ITEM, "informera i skolorna", 1);
    MainText main = b.build(Optional.empty());
    int item = main.text().indexOf("informera");
    assertEquals("Polisen lovar att:", ThemeFeatures.context(main, item));
    assertEquals("", ThemeFeatures.context(main, 0));
  }

  private static ThemeModel toy() {
    return new ThemeModel(List.of("narkotika", "trafik"), new double[] {-3, -3},
        Map.of("p:moped", new double[] {0, 4}), Map.of("kw", 5.0), 0.5, List.of("written for the test"));
  }

  @Test
  void decidesByThresholdWithTheProductOfTheDecisionsAsConfidence() {
    ThemeModel.Decision d = toy().decide(List.of("kw:narkotika"));
    assertEquals(List.of("narkotika"), d.themes());
    double pDrugs = 1 / (1 + Math.exp(-5));
    double pTraffic = 1 / (1 + Math.exp(3));
    assertEquals(pDrugs, d.probabilities().get("narkotika"), 1e-9, "a hit replaces the theme's base rate");
    assertEquals(pDrugs * (1 - pTraffic), d.confidence(), 1e-9);
    assertEquals(List.of("trafik"), toy().decide(List.of("p:moped", "p:unknown")).themes());
    assertEquals(List.of(), toy().decide(List.of()).themes());
  }

  @Test
  void writesWhatItReads() throws IOException {
    StringWriter out = new StringWriter();
    toy().write(out);
    assertTrue(out.toString().startsWith("# written for the test\n"), out.toString());
    ThemeModel back = ThemeModel.read(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)));
    for (List<String> f : List.of(List.of("kw:narkotika"), List.of("p:moped"), List.of("kw:trafik", "p:moped"))) {
      assertEquals(toy().decide(f).probabilities().get("trafik"), back.decide(f).probabilities().get("trafik"), 1e-3);
      assertEquals(toy().decide(f).themes(), back.decide(f).themes());
    }
  }

  @Test
  void aBrokenFileSaysWhere() {
    String bad = "@threshold\t0.5\n@themes\tnarkotika\np:moped\tnarkotika\tmany\n";
    IOException e = assertThrows(IOException.class,
        () -> ThemeModel.read(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8))));
    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
  }

  @Test
  void theShippedModelCoversTheThemeIds() {
    ThemeModel shipped = ThemeModel.load();
    assertEquals(CLASSIFIER.reportedIds(), shipped.themes());
    assertTrue(shipped.header().stream().anyMatch(h -> h.contains("CV")), shipped.header().toString());
  }

  @Test
  void trainingIsDeterministicAndLearnsAWordTheLexiconLacks() {
    List<ThemeTrainer.Example> examples = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      examples.add(new ThemeTrainer.Example(FEATURES.of("Hastighetskontroller vid skola " + i, ""), Set.of("trafik")));
      examples.add(new ThemeTrainer.Example(FEATURES.of("Beslag av narkotika i centrum " + i, ""), Set.of("narkotika")));
      examples.add(new ThemeTrainer.Example(FEATURES.of("Möten med föreningar " + i, ""), Set.of()));
    }
    List<String> themes = List.of("narkotika", "trafik");
    ThemeModel a = new ThemeTrainer().train(themes, examples, 0.5, List.of());
    ThemeModel b = new ThemeTrainer().train(themes, examples, 0.5, List.of());
    List<String> f = FEATURES.of("Fler hastighetsmätningar", "");
    assertEquals(a.decide(f).probabilities(), b.decide(f).probabilities());
    assertEquals(List.of("trafik"), a.decide(f).themes());
    assertFalse(a.decide(FEATURES.of("Möten med föreningar", "")).themes().contains("narkotika"));
  }
}
