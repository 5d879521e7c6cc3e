package se.loftesgrafen.extract.field;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.loftesgrafen.extract.ExtractedPromise;
import se.loftesgrafen.extract.Fixtures;
import se.loftesgrafen.extract.SourceDocument;

class MunicipalityFinderTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Medborgarlöfte i Åmål. Kontakt: daniel.andersson@amal.se                                   | 1492
      Förnyat medborgarlöfte mellan Älmhults kommun och polisen. Lokalpolisområdeschef Ljungby.   | 0765
      Löftet gäller de tre kommunerna Stenungsund, Orust och Tjörn.                             | 1415;1421;1419
      Polisen och Askersunds kommun presenterar löften. Örebro Futsal Club. Chef i Hallsberg.   | 1882
      I en medborgardialog var 800 Karlstadsbor med.                                             | 1780
      Vara synlig i centrum är viktigt för polisen i Skara kommun.                               | 1495
      Lokalpolisområde Kristianstad och Hässleholms kommun lovar att synas mer. LPO Kristianstad ska genomföra trafikkontroller. LPO Kristianstad leder uppföljningen i Hässleholm. | 1293
      Medborgarlöfte för Nybro och Emmaboda kommuner. Polisen lovar att patrullera i Nybro och i Emmaboda. | 0881;0862
      Invånarna i Tranås och Aneby vill se fler vuxna ute. Kommunalråden från Tranås och Aneby skrev under. I Aneby ska skolorna bjuda in till föräldramöten. Tranås kommun ordnar nattvandringar. | 0687;0604
      Kommunpolis för Tierp, Älvkarleby och Östhammar är Anna Berg. Östhammars kommun och polisen lovar att öka tryggheten i Östhammar. | 0382
      Polisen i lokalpolisområde Södertälje och Nykvarns kommun har tagit fram ett löfte. Lokalpolisområde Södertälje ska öka närvaron i Nykvarn. | 0140
      Medborgarlöfte Tidaholm 2019. Polisen ska genomföra trafikkontroller vid skolorna.                       | 1498
      Medborgarlöfte i Lund. Polisen och kommunen ska genomföra trygghetsvandringar.                          | 1281
      Lokalpolisområde Boden ska synas mer i Älvsbyn. Älvsbyns kommun ordnar nattvandringar.                   | 2560
      Medborgarlöfte Norra Hisingen. Polisen och stadsdelsförvaltningen ska synas mer i Backa och på Hisingen.  | 1480
      Medborgarlöfte i Rinkeby. Polisen och stadsdelsförvaltningen ska ordna trygghetsvandringar i Rinkeby.     | 0180
      Kommunerna Ljusdal och Bollnäs har tillsammans med polisen tagit fram löften. Polisen i Ljusdal ska synas mer. | 2161;2183
      Polisen i Rosengård och Arbetsförmedlingen i Lund ska samverka.                                            | 1281
      """)
  void findsTheCoveredMunicipalities(String text, String codes) throws IOException {
    var p = Fixtures.extractor().extract(Fixtures.text("m.txt", text));
    assertEquals(List.of(codes.split(";")), p.municipalities().stream().map(ExtractedPromise.MunicipalityRef::code).toList());
  }

  /** A name that is also a common word needs "kommun" beside it in the text, but not in the promise's heading. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Medborgarlöfte Ale 2024                  | Polisen ska vara synlig i centrum.          | 1440
      Medborgarlöfte för Vara                  | Kommunen ska ordna nattvandringar.          | 1470
      """)
  void aCommonWordNamesTheMunicipalityInTheHeading(String heading, String body, String code) throws IOException {
    var p = Fixtures.extractor().extract(Fixtures.text("m.txt", heading + "\n\n" + body));
    assertEquals(List.of(code), p.municipalities().stream().map(ExtractedPromise.MunicipalityRef::code).toList());
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
