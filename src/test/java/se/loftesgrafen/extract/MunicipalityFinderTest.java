package se.loftesgrafen.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MunicipalityFinderTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Medborgarlöfte i Åmål. Kontakt: daniel.andersson@amal.se                                   | 1492
      Förnyat medborgarlöfte mellan Älmhults kommun och polisen. Lokalpolisområdeschef Ljungby.   | 0765
      Löftet gäller de tre kommunerna Stenungsund, Orust och Tjörn.                             | 1415;1421;1419
      Polisen och Askersunds kommun presenterar löften. Örebro Futsal Club. Chef i Hallsberg.   | 1882
      I en medborgardialog var 800 Karlstadsbor med.                                             | 1780
      Vara synlig i centrum är viktigt för polisen i Skara kommun.                               | 1495
      """)
  void findsTheCoveredMunicipalities(String text, String codes) throws IOException {
    var p = Fixtures.extractor().extract(Fixtures.text("m.txt", text));
    assertEquals(List.of(codes.split(";")), p.municipalities().stream().map(ExtractedPromise.MunicipalityRef::code).toList());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      https://polisen.se/om-polisen/medborgarloften/kungsor/   | 1960
      https://www.hjo.se/kommun-och-politik/medborgarlofte/    | 1497
      """)
  void fromTheUrl(String url, String code) throws IOException {
    var doc = new SourceDocument(url, URI.create(url), "Medborgarlöfte 2024".getBytes(), Optional.empty());
    var p = Fixtures.extractor().extract(doc);
    assertEquals(List.of(code), p.municipalities().stream().map(ExtractedPromise.MunicipalityRef::code).toList());
  }
}
