package se.loftesgrafen.extract.field;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.loftesgrafen.extract.ExtractionRules;

class BasisExtractorTest {
  private static final BasisExtractor BASIS = new BasisExtractor(ExtractionRules.load());

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      Höörs kommun och polisen i lokalpolisområde Eslöv har tagit fram löftet.   | Eslöv
      Lokalpolisområde Piteå älvdal och Piteå kommun lovar att:                 | Piteå älvdal
      Liselotte Jergard, chef för lokalpolisområde Katrineholm undertecknade.   | Katrineholm
      Jenny Wester\\nLokalpolisområdeschef\\nÖstra Fyrbodal                      | Östra Fyrbodal
      Polisen och kommunen lovar att öka tryggheten.                             | -
      lokalpolisområdeschefen Anna Berg signerade löftet, säger Anna Berg, lokalpolisområdeschef Ljungby. | Ljungby
      Jenny Wester\\nLokalpolisområdeschef\\n\\nMartin Carling\\nKommunstyrelsens ordförande | -
      """)
  void policeArea(String text, String expected) {
    // The signatories of these lines: a person is never taken for the area.
    Set<String> people = Set.of("Anna Berg", "Jenny Wester", "Martin Carling");
    assertEquals(Optional.ofNullable(expected), BASIS.policeArea(text.replace("\\n", "\n"), people));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Underlaget har tagits fram genom medborgardialoger och medarbetardialoger samt polisens lägesbild. | medborgardialog medarbetardialog lägesbild
      Löftet bygger på den trygghetsmätning som genomfördes hösten 2023.                                 | trygghetsmätning
      Underlaget är statistik, mätningar och omvärldsbevakning.                                          | statistik
      """)
  void basedOn(String text, String expected) {
    assertEquals(List.of(expected.split(" ")), BASIS.basedOn(text, List.of()));
  }
}
