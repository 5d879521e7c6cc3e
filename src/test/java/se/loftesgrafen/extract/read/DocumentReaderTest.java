package se.loftesgrafen.extract.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.loftesgrafen.extract.ExtractionRules;
import se.loftesgrafen.extract.FixturePdf;
import se.loftesgrafen.extract.SourceDocument;

class DocumentReaderTest {
  private static final ExtractionRules RULES = ExtractionRules.load();
  private static final List<Pattern> CHROME = RULES.patterns("chrome_lines");
  private static final DocumentReader READER = new DocumentReader(new HtmlReader(RULES, CHROME), new TextReader(CHROME));

  private static MainText read(byte[] body, String contentType) throws IOException {
    return READER.read(new SourceDocument("t", URI.create("file:/t"), body, Optional.ofNullable(contentType)));
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      windows-1252 | -                          | <html><body><p>Höörs kommun och polisen lovar att öka närvaron.</p></body></html>
      iso-8859-1   | -                          | <html><head><meta charset="iso-8859-1"></head><body><p>Höörs kommun och polisen lovar att öka närvaron.</p></body></html>
      iso-8859-1   | text/html; charset=ISO-8859-1 | <html><body><p>Höörs kommun och polisen lovar att öka närvaron.</p></body></html>
      utf-8        | -                          | <html><body><p>Höörs kommun och polisen lovar att öka närvaron.</p></body></html>
      windows-1252 | -                          | Höörs kommun och polisen lovar att öka närvaron.
      windows-1252 | text/html; charset=utf-8   | <html><body><p>Höörs kommun och polisen lovar att öka närvaron.</p></body></html>
      iso-8859-1   | -                          | <html><head><meta charset="utf-8"></head><body><p>Höörs kommun och polisen lovar att öka närvaron.</p></body></html>
      utf-8        | text/html; charset=iso-8859-1 | <html><body><p>Höörs kommun och polisen lovar att öka närvaron.</p></body></html>
      utf-8        | text/plain; charset=windows-1252 | Höörs kommun och polisen lovar att öka närvaron.
      """)
  void decodesSwedishLettersWhateverTheCharset(String encoding, String contentType, String page) throws IOException {
    MainText main = read(page.getBytes(Charset.forName(encoding)), contentType);
    assertTrue(main.text().contains("Höörs kommun och polisen lovar att öka närvaron."), main.text());
  }

  @Test
  void dropsChromeAndKeepsContentBlocks() throws IOException {
    String html = """
        <html><body>
        <div id="cookie-banner"><p>Vi använder kakor.</p></div>
        <nav><ul><li>Barn och utbildning</li></ul></nav>
        <main><h1>Medborgarlöfte</h1><p>Denna artikel är äldre än fem månader.</p>
        <h2>Polisen lovar att:</h2><ul><li>fotpatrullera i centrum.<ul><li>varje fredag</li></ul></li></ul>
        <div class="ad-slot">Annons</div><p>Hade du nytta av innehållet på den här sidan?</p></main>
        <footer>Kommunen, Box 1</footer></body></html>
        """;
    MainText main = read(html.getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
    assertEquals(List.of("Medborgarlöfte", "Polisen lovar att:", "fotpatrullera i centrum.", "varje fredag"),
        main.blocks().stream().map(Block::text).toList());
    assertEquals(2, main.blocks().get(3).level());
    assertFalse(main.text().contains("kakor"));
    Block item = main.blocks().get(2);
    assertEquals(item.text(), main.text().substring(item.start(), item.end()));
  }

  @Test
  void bulletLinesInAParagraphAreItemsAndLinkOnlyItemsAreMarked() throws IOException {
    String html = """
        <html><body><main><h2>Polisen lovar att:</h2>
        <p>• fotpatrullera i centrum.<br>• besöka skolorna.</p>
        <ul><li><a href="/grannsamverkan">Läs om grannsamverkan i kommunen</a></li></ul>
        <h3><button>Kommunen lovar</button></h3><p>– Vi vill synas mer, säger hon.</p></main></body></html>
        """;
    MainText main = read(html.getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
    List<Block> b = main.blocks();
    assertEquals(List.of("Polisen lovar att:", "fotpatrullera i centrum.", "besöka skolorna.",
        "Läs om grannsamverkan i kommunen", "Kommunen lovar", "– Vi vill synas mer, säger hon."),
        b.stream().map(Block::text).toList());
    assertTrue(b.get(1).isItem() && b.get(2).isItem());
    assertTrue(b.get(3).link());
    assertFalse(b.get(1).link());
    assertTrue(b.get(4).isHeading());
    assertFalse(b.get(5).isItem());
  }

  @Test
  void paragraphsInsideListItemsAreTheItemAndItsDescription() throws IOException {
    String html = """
        <html><body><main><h2>Vi lovar att:</h2><ol>
        <li><p><strong>Skapa forum för dialog om tillit</strong></p><p>Känslan av trygghet hänger ihop med tillit.</p></li>
        <li><p>Föreläsa om droger för elever i åk 8</p><ul><li>varje termin</li></ul></li>
        </ol></main></body></html>
        """;
    MainText main = read(html.getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
    List<Block> b = main.blocks();
    assertEquals(List.of("Vi lovar att:", "Skapa forum för dialog om tillit", "Känslan av trygghet hänger ihop med tillit.",
        "Föreläsa om droger för elever i åk 8", "varje termin"), b.stream().map(Block::text).toList());
    assertTrue(b.get(1).isItem());
    assertFalse(b.get(2).isItem());
    assertTrue(b.get(3).isItem());
    assertTrue(b.get(4).isItem() && b.get(4).level() == 2);
  }

  @Test
  void readsPdfByLayoutJoiningWrappedLinesAndHyphenatedWords() throws IOException {
    String source = "Polisen ska genomföra insatser mot narkotika~försäljning i centrum och arbeta med ungdomar på "
        + "fritidsgårdarna under hela året och särskilt under sommarlovet.\n• Ett nytt stycke\n";
    MainText main = read(FixturePdf.render(source), "application/pdf");
    assertEquals(List.of("Polisen ska genomföra insatser mot narkotikaförsäljning i centrum och arbeta med ungdomar på "
        + "fritidsgårdarna under hela året och särskilt under sommarlovet.", "Ett nytt stycke"),
        main.blocks().stream().map(Block::text).toList());
    assertTrue(main.blocks().get(1).isItem());
  }
}
