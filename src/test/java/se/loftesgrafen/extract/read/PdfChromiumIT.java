package se.loftesgrafen.extract.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PDF reader on a document printed by real headless Chromium, as browsers print a promise page and as the
 * evaluation's {@code --pdf} mode does: list bullets are drawn shapes (discs, and circles for nested lists), numbers
 * are glyphs, a fixed header and footer repeat on every page, and signatures sit side by side in a table.
 */
class PdfChromiumIT {
  private static final String PAGE = """
      <!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Medborgarlöfte</title>
      <style>body{font-family:sans-serif;font-size:11pt;margin:2cm}
      .head{position:fixed;top:0;left:0;font-size:8pt}.foot{position:fixed;bottom:0;left:0;font-size:8pt}
      td{padding-right:6em;vertical-align:top}</style></head><body>
      <div class="head">Medborgarlöfte för Testby 2026–2027</div>
      <div class="foot">Testby kommun, Storgatan 1, 123 45 Testby</div>
      <h1>Medborgarlöfte för Testby 2026–2027</h1>
      <p>Lokalpolisområde Norrtestby och Testby kommun har tagit fram löftet utifrån trygghetsmätningen och samtal med
      invånare, föreningar och företagare i alla kommundelar.</p>
      <h2>Polisen lovar att</h2>
      <ul><li>Genomföra minst tjugo trafikkontroller per år vid skolorna och längs genomfarten, med särskild inriktning
      på hastighet och nykterhet under kvällar och helger.</li>
      <li>Besöka alla skolor i årskurs åtta.<ul><li>Minst en gång per termin.</li></ul></li>
      <li>Patrullera till fots i centrum varje fredag.</li></ul>
      <h2 style="page-break-before:always">Kommunen lovar att</h2>
      <ol><li>Förbättra belysningen i gångtunnlarna vid stationen.</li><li>Anställa två fältassistenter.</li></ol>
      <p>Löftet följs upp två gånger per år.</p>
      <table><tr><td>Eva Strand (C)<br>Kommunstyrelsens ordförande</td>
      <td>Karl Nyberg<br>Lokalpolisområdeschef</td></tr></table>
      </body></html>
      """;

  @Test
  void readsAChromiumPrintedPromiseByLayout(@TempDir Path dir) throws IOException, InterruptedException {
    se.loftesgrafen.testing.Browser.require(se.loftesgrafen.testing.Browser.chromium());
    String chromium = se.loftesgrafen.testing.Browser.chromium().toString();
    Path html = dir.resolve("loefte.html");
    Path pdf = dir.resolve("loefte.pdf");
    Files.writeString(html, PAGE, StandardCharsets.UTF_8);
    Process p = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
        "--user-data-dir=" + dir.resolve("profile"), "--print-to-pdf=" + pdf, html.toUri().toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("Chromium did not print within 90 s");
    }
    assertTrue(Files.size(pdf) > 0, "Chromium wrote no PDF: " + Files.readString(dir.resolve("chromium.log")));
    MainText main = new PdfReader().read(Files.readAllBytes(pdf), new MainText.Builder(List.of()));
    List<String> blocks = main.blocks().stream().map(b -> b.type().name().charAt(0) + "" + b.level() + " " + b.text()).toList();
    assertEquals(List.of(
        "H0 Medborgarlöfte för Testby 2026–2027",
        "P0 Lokalpolisområde Norrtestby och Testby kommun har tagit fram löftet utifrån trygghetsmätningen och samtal "
            + "med invånare, föreningar och företagare i alla kommundelar.",
        "H0 Polisen lovar att",
        "I1 Genomföra minst tjugo trafikkontroller per år vid skolorna och längs genomfarten, med särskild inriktning på "
            + "hastighet och nykterhet under kvällar och helger.",
        "I1 Besöka alla skolor i årskurs åtta.",
        "I2 Minst en gång per termin.",
        "I1 Patrullera till fots i centrum varje fredag.",
        "H0 Kommunen lovar att",
        "I1 Förbättra belysningen i gångtunnlarna vid stationen.",
        "I1 Anställa två fältassistenter.",
        "P0 Löftet följs upp två gånger per år.",
        "H0 Eva Strand (C)", "H0 Kommunstyrelsens ordförande", "H0 Karl Nyberg", "H0 Lokalpolisområdeschef"), blocks);
  }
}
