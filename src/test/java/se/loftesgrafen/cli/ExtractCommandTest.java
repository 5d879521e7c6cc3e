package se.loftesgrafen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExtractCommandTest {
  @TempDir
  Path dir;

  @Test
  void oneLinePerFileAnErrorLineForAnUnreadableOneAndExitCodeOne() throws Exception {
    Path good = dir.resolve("ockelbo.txt");
    Files.writeString(good, """
        Medborgarlöfte för Ockelbo kommun 2023

        Polisen lovar att:
          • Genomföra trafikkontroller vid skolorna varje vecka.
        """, StandardCharsets.UTF_8);
    Path pdf = dir.resolve("broken.pdf");
    Files.writeString(pdf, "%PDF-1.4 not really", StandardCharsets.ISO_8859_1);
    String missing = dir.resolve("missing.html").toString();
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new ExtractCommand());
    cl.setOut(new PrintWriter(out));
    int code = cl.execute("--format", "jsonl", good.toString(), missing, pdf.toString());
    String[] lines = out.toString().strip().split("\n");
    assertEquals(1, code);
    assertEquals(3, lines.length, out.toString());
    ObjectMapper json = new ObjectMapper();
    JsonNode first = json.readTree(lines[0]);
    assertEquals(good.toString(), first.get("source").asText());
    assertEquals("2101", first.get("municipalities").get(0).get("code").asText());
    assertEquals(1, first.get("commitments").size());
    assertEquals("promise", first.get("page_kind").asText());
    assertTrue(first.get("follow_up").isNull());
    JsonNode second = json.readTree(lines[1]);
    assertEquals(missing, second.get("source").asText());
    assertTrue(second.has("error"));
    assertTrue(json.readTree(lines[2]).has("error"));
  }

  @Test
  void aFollowUpGivesPageKindAndItsItemsAsTheFollowUpScorerReadsThem() throws Exception {
    Path report = dir.resolve("uppfoljning.txt");
    Files.writeString(report, """
        Uppföljning medborgarlöfte 2024 Ockelbo

        Följande aktiviteter utlovades i 2024 års medborgarlöfte:

          • Minst fyra trafikinsatser vid skolorna.

        Utfallet blev:

          • Sex trafikinsatser vid skolorna.
        """, StandardCharsets.UTF_8);
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new ExtractCommand());
    cl.setOut(new PrintWriter(out));
    assertEquals(0, cl.execute("--format", "jsonl", report.toString()));
    JsonNode line = new ObjectMapper().readTree(out.toString().strip());
    assertEquals("follow_up", line.get("page_kind").asText());
    JsonNode fu = line.get("follow_up");
    assertEquals("2024", fu.get("period").get("from").asText());
    assertEquals(1, fu.get("items").size());
    JsonNode item = fu.get("items").get(0);
    assertEquals("Minst fyra trafikinsatser vid skolorna.", item.get("text").asText());
    assertEquals("kept", item.get("status").asText());
    assertEquals("Sex trafikinsatser vid skolorna.", item.get("evidence").get(0).asText());
    assertTrue(fu.get("overall").isNull());
    assertEquals(0, line.get("commitments").size(), "a report's restated commitments are not a new promise");
  }

  @Test
  void rejectsUnknownFormats() {
    CommandLine cl = new CommandLine(new ExtractCommand());
    cl.setErr(new PrintWriter(new StringWriter()));
    assertEquals(2, cl.execute("--format", "xml", "x.txt"));
  }
}
