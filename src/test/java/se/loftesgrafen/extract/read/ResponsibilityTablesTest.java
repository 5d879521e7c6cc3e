package se.loftesgrafen.extract.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import se.loftesgrafen.extract.Commitment;
import se.loftesgrafen.extract.ExtractedPromise;
import se.loftesgrafen.extract.Fixtures;

/** Undertakings laid out as a table with a column for who is responsible ("Aktivitet | Ansvarig"). */
class ResponsibilityTablesTest {
  private static final String PAGE = """
      <!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Medborgarlöfte 2024</title></head><body>
      <main><h1>Medborgarlöfte 2024</h1>
      <p>Lokalpolisområde Testby och Testby kommun har enats om följande medborgarlöfte för 2024.</p>
      <table><tr><th>Aktivitet</th><th>%s</th></tr>
      <tr><td>Trygghetsvandringar i centrum två gånger per år</td><td>Kommunen</td></tr>
      <tr><td>Riktade trafikkontroller vid skolorna</td><td>Polisen</td></tr>
      <tr><td>Föräldramöte om droger i årskurs 8</td><td>Polis och kommun</td></tr>
      </table></main></body></html>
      """;

  @Test
  void eachRowIsAnActivityOfTheResponsibleParty() throws IOException {
    assertEquals(List.of("kommunen:Trygghetsvandringar i centrum två gånger per år",
        "polisen:Riktade trafikkontroller vid skolorna", "kommunen polisen:Föräldramöte om droger i årskurs 8"),
        commitments(PAGE.formatted("Ansvarig")));
  }

  @Test
  void aTableWithoutAResponsibleColumnIsLeftAsItIs() throws IOException {
    List<String> found = commitments(PAGE.formatted("Kommentar"));
    assertEquals(List.of(), found.stream().filter(c -> c.startsWith("kommunen:Trygghetsvandringar")
        || c.startsWith("polisen:Riktade")).toList(), "rows are not read as responsibility lines: " + found);
  }

  private static List<String> commitments(String html) throws IOException {
    ExtractedPromise p = Fixtures.extractor().extract(Fixtures.doc("tabell.html", html.getBytes(StandardCharsets.UTF_8)));
    return p.commitments().stream()
        .map(c -> c.actors().stream().map(Commitment.Actor::id).sorted().collect(Collectors.joining(" ")) + ":" + c.text())
        .toList();
  }
}
