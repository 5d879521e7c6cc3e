package se.loftesgrafen.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MunicipalityRegisterTest {
  private static final MunicipalityRegister REGISTER = MunicipalityRegister.load();

  @Test
  void holdsAllMunicipalities() {
    assertEquals(290, REGISTER.all().size());
    assertEquals("Åmål", REGISTER.byCode("1492").orElseThrow().name());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Åmål              | 1492
      Älmhults kommun   | 0765
      Karlstadsborna    | 1780
      Karlstadsbor      | 1780
      i Åmål            | 1492
      Dals-Eds kommun   | 1438
      Malung-Sälens     | 2023
      Upplands Väsby    | 0114
      Stockholms stad   | 0180
      Vingåkers         | 0428
      """)
  void findsInflectedNames(String text, String code) {
    assertEquals(Optional.of(code), REGISTER.byName(text).map(Municipality::code));
  }

  @Test
  void unknownNamesAreEmpty() {
    assertTrue(REGISTER.byName("Medborgarlöfte").isEmpty());
    assertTrue(REGISTER.byName("Fyrbodal").isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      www.amal.se            | 1492
      e-tjanster.amal.se     | 1492
      amal.se                | 1492
      """)
  void findsByDomain(String host, String code) {
    assertEquals(Optional.of(code), REGISTER.byDomain(host).map(Municipality::code));
    assertEquals(Optional.of(code), REGISTER.byUri(URI.create("https://" + host + "/a/b.html")).map(Municipality::code));
  }

  @Test
  void findsByPolisenSlug() {
    assertEquals("2023", REGISTER.bySlug("malung-salen").orElseThrow().code());
    assertEquals("malung-salen", MunicipalityRegister.slug("Malung-Sälen"));
    assertEquals("upplands-vasby", MunicipalityRegister.slug("Upplands Väsby"));
  }
}
