package se.loftesgrafen.graph.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The forgiving municipality picker, on the real register of 290 municipalities. */
class MunicipalityLookupTest {
  private static final MunicipalityLookup LOOKUP = new MunicipalityLookup(ComparisonRegister.load().all());

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "amal|1492",
      "Åmål|1492",
      "ÅMÅL|1492",
      "  åmål  |1492",
      "1492|1492",
      "Åmåls kommun|1492",
      "Åmål kommun|1492",
      "Dals Ed|1438",
      "dals-ed|1438",
      "dalsed|1438",
      "almhult|0765",
      "0765|0765",
      "Upplands Väsby|0114",
      "upplandsvasby|0114",
      "habo|0643",
      "Håbo|0305",
      "Malung Sälen|2023",
  })
  void findsOneMunicipality(String typed, String code) {
    MunicipalityLookup.Result r = LOOKUP.find(typed);
    assertEquals(code, r.unique().map(Comparison.Municipality::code).orElse("none: " + r), typed);
  }

  @Test
  void offersCloseNamesWhenNothingMatches() {
    MunicipalityLookup.Result r = LOOKUP.find("Amol");
    assertTrue(r.matches().isEmpty());
    assertTrue(r.close().stream().anyMatch(m -> m.code().equals("1492")), r.toString());
    MunicipalityLookup.Result start = LOOKUP.find("Karls");
    List<String> names = start.close().stream().map(Comparison.Municipality::name).toList();
    assertTrue(names.containsAll(List.of("Karlstad", "Karlskoga")), names.toString());
  }

  @Test
  void nonsenseAndAnUnknownCodeFindNothing() {
    assertTrue(LOOKUP.find("9999").matches().isEmpty());
    assertTrue(LOOKUP.find("xqzwv").matches().isEmpty());
    assertTrue(LOOKUP.find("xqzwv").close().isEmpty());
    assertTrue(LOOKUP.find("").matches().isEmpty());
  }

  @Test
  void foldingDropsCaseAccentsSpacesAndHyphens() {
    assertEquals("dalsed", MunicipalityLookup.fold("Dals-Ed"));
    assertEquals("amal", MunicipalityLookup.fold("Åmål"));
    assertEquals("malungsalen", MunicipalityLookup.fold("Malung-Sälen"));
    assertEquals(1, MunicipalityLookup.distance("amol", "amal"));
  }
}
