package se.loftesgrafen.extract.commitment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.loftesgrafen.extract.ExtractionRules;
import se.loftesgrafen.vocab.ThemeLexiconLoader;

class ThemeClassifierTest {
  private static final ThemeClassifier THEMES = new ThemeClassifier(ThemeLexiconLoader.load(), ExtractionRules.load());

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Genomföra insatser mot försäljning av narkotika till ungdomar.          | narkotika barn-och-unga
      erbjuda elev- och föräldrainriktade informationsträffar i skolmiljö     | foraldrar information skola
      Fotpatrullera med uniformerad personal på utvalda platser.              | synlighet
      genomföra den årliga trygghetsvandringen i Vingåker                      | trygghetsvandring otrygga-miljoer
      Fortsätta jobba med Grannsamverkan                                       | grannsamverkan inbrott-stold
      Genomföra tillsyn på krogar och nattklubbar med inriktning mot överservering. | alkohol tillsyn
      arbeta mot tobak- och alkoholanvändning med fokus på ungdomar            | tobak alkohol barn-och-unga
      kontinuerligt diskutera möjligheterna till kamerabevakning               | kameraovervakning
      """)
  void classifiesByLabelsAndInflections(String text, String expected) {
    List<String> got = THEMES.classify(text);
    for (String id : expected.split(" ")) {
      assertTrue(got.contains(id), id + " not in " + got + " for " + text);
    }
  }

  @ParameterizedTest(name = "{0} ↛ {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Det spelar stor roll att polisen syns.                          | spel
      Polisen ska i samverkan med kommunen besöka skolorna.            | samverkan
      Informera fritidshusägare om inbrott.                            | barn-och-unga
      personer i äldre än arton år                                     | aldre
      """)
  void doesNotOverreach(String text, String notExpected) {
    assertFalse(THEMES.classify(text).contains(notExpected), THEMES.classify(text).toString());
  }
}
