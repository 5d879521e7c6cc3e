package se.loftesgrafen.extract.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.loftesgrafen.extract.Commitment;
import se.loftesgrafen.extract.ExtractedPromise;
import se.loftesgrafen.extract.Fixtures;

/** The PDF reader on fixture PDFs laid out like real promise documents (see {@link LayoutPdf}). */
class PdfReaderTest {
  private static final float L = LayoutPdf.LEFT;
  private static final float P = LayoutPdf.PITCH;
  /** Bullet right edge and item text start, as Chromium and Word indent a list. */
  private static final float BULLET = L + 14;
  private static final float ITEM = L + 22;

  private static List<String> blocks(byte[] pdf) throws IOException {
    MainText main = new PdfReader().read(pdf, new MainText.Builder(List.of(Pattern.compile("^Till toppen$"))));
    return main.blocks().stream().map(b -> b.type().name().charAt(0) + "" + b.level() + " " + b.text()).toList();
  }

  @Test
  void drawnBulletsStartItemsWrappedLinesContinueThemAndDeeperBulletsNest() throws IOException {
    byte[] pdf;
    try (LayoutPdf d = new LayoutPdf()) {
      d.page().text(L, 80, "Medborgarlöfte för Testby 2026", true, 16);
      float y = d.wrapped(L, 110, "Polisen och Testby kommun har tillsammans tagit fram ett medborgarlöfte som bygger på "
          + "trygghetsmätningen, polisens lägesbild och samtal med invånarna i alla kommundelar under hösten.");
      y += 2 * P;
      d.text(L, y, "Polisen lovar att:");
      y += 1.6f * P;
      d.disc(BULLET, y);
      y = d.wrapped(ITEM, y, "Genomföra minst tolv riktade insatser mot narkotika~brott i centrala Testby och vid "
          + "resecentrum, med särskild inriktning på försäljning till unga under kvällar och helger.") + P;
      d.disc(BULLET, y);
      y = d.wrapped(ITEM, y, "Delta på föräldramöten i årskurs sju.") + P;
      d.ring(BULLET + 22, y);
      y = d.wrapped(ITEM + 22, y, "Minst en gång per termin på varje skola.") + P;
      d.disc(BULLET, y);
      y = d.wrapped(ITEM, y, "Patrullera till fots i Norra parken tillsammans med kommunens fältare och "
          + "fritidsgårdens personal varje fredag.") + 1.6f * P;
      d.text(L, y, "Kommunen lovar att:");
      y += 1.6f * P;
      d.square(BULLET, y);
      d.wrapped(ITEM, y, "Bjuda in till trygghetsvandring i polis- och kommunens regi.");
      pdf = d.bytes();
    }
    assertEquals(List.of(
        "H0 Medborgarlöfte för Testby 2026",
        "P0 Polisen och Testby kommun har tillsammans tagit fram ett medborgarlöfte som bygger på "
            + "trygghetsmätningen, polisens lägesbild och samtal med invånarna i alla kommundelar under hösten.",
        "P0 Polisen lovar att:",
        "I1 Genomföra minst tolv riktade insatser mot narkotikabrott i centrala Testby och vid resecentrum, med "
            + "särskild inriktning på försäljning till unga under kvällar och helger.",
        "I1 Delta på föräldramöten i årskurs sju.",
        "I2 Minst en gång per termin på varje skola.",
        "I1 Patrullera till fots i Norra parken tillsammans med kommunens fältare och fritidsgårdens personal varje "
            + "fredag.",
        "P0 Kommunen lovar att:",
        "I1 Bjuda in till trygghetsvandring i polis- och kommunens regi."), blocks(pdf));
  }

  @Test
  void glyphBulletsAndNumbersAreItemsButADashInsideProseIsNot() throws IOException {
    byte[] pdf;
    try (LayoutPdf d = new LayoutPdf()) {
      d.page().text(L, 80, "Det här ska vi göra", true, 14);
      d.text(L, 110, "•");
      float y = d.wrapped(ITEM, 110, "Kommunen utökar kameraövervakningen vid busstationen och Stora torget efter "
          + "beslut om tillstånd från Integritetsskyddsmyndigheten under våren.") + P;
      d.text(L, y, "•");
      y = d.wrapped(ITEM, y, "Polisen håller öppet hus på stationen en gång i månaden.") + 2 * P;
      d.text(L, y, "1.");
      y = d.wrapped(ITEM, y, "Gemensam lägesbild varje vecka.") + P;
      d.text(L, y, "2.");
      y = d.wrapped(ITEM, y, "Trygghetsvandring i Västra Testby under hösten.") + 2 * P;
      d.text(L, y, "Arbetet följs upp varje halvår av styrgruppen och redovisas för kommunstyrelsen och för");
      d.text(L, y + P, "– som förra året – invånarna på ett öppet möte i stadshuset i december.");
      pdf = d.bytes();
    }
    assertEquals(List.of(
        "H0 Det här ska vi göra",
        "I1 Kommunen utökar kameraövervakningen vid busstationen och Stora torget efter beslut om tillstånd från "
            + "Integritetsskyddsmyndigheten under våren.",
        "I1 Polisen håller öppet hus på stationen en gång i månaden.",
        "I1 Gemensam lägesbild varje vecka.",
        "I1 Trygghetsvandring i Västra Testby under hösten.",
        "P0 Arbetet följs upp varje halvår av styrgruppen och redovisas för kommunstyrelsen och för – som förra året – "
            + "invånarna på ett öppet möte i stadshuset i december."), blocks(pdf));
  }

  @Test
  void aBulletSetOffByATabAndPictureBulletsStartItems() throws IOException {
    byte[] pdf;
    try (LayoutPdf d = new LayoutPdf()) {
      d.page().text(L, 90, "Vi lovar att:");
      d.text(L + 18, 90 + 1.6f * P, "•");
      float y = d.wrapped(L + 54, 90 + 1.6f * P, "Hålla fyra medborgardialoger om året i kommunens bibliotek och "
          + "på fritidsgårdarna, där invånarna kan möta kommunpolisen.") + P;
      d.picture(L + 23, y);
      y = d.wrapped(L + 54, y, "Märka cyklar vid skolorna.") + P;
      d.picture(L + 23, y);
      d.wrapped(L + 54, y, "Utbilda butikspersonal i att neka försäljning till unga.");
      pdf = d.bytes();
    }
    assertEquals(List.of("P0 Vi lovar att:",
        "I1 Hålla fyra medborgardialoger om året i kommunens bibliotek och på fritidsgårdarna, där invånarna kan möta "
            + "kommunpolisen.",
        "I1 Märka cyklar vid skolorna.", "I1 Utbilda butikspersonal i att neka försäljning till unga."), blocks(pdf));
  }

  @Test
  void theNextNumberStartsTheNextItemEvenAfterAFullLine() throws IOException {
    byte[] pdf;
    try (LayoutPdf d = new LayoutPdf()) {
      d.page().text(L, 90, "1.");
      float y = d.wrapped(ITEM, 90, "Polisen och kommunen gör gemensamma trygghetsvandringar i alla kommundelar under "
          + "våren och hösten med bostadsbolagen och föreningarna i Testby");
      d.text(L, y + P, "2.");
      d.wrapped(ITEM, y + P, "Kommunen bjuder in till ett öppet möte om löftet.");
      pdf = d.bytes();
    }
    List<String> b = blocks(pdf);
    assertEquals(2, b.size(), b.toString());
    assertEquals("I1 Kommunen bjuder in till ett öppet möte om löftet.", b.get(1));
  }

  @Test
  void runningHeadersFootersAndPageNumbersAreDroppedAndAnItemContinuesOverThePageBreak() throws IOException {
    byte[] pdf;
    try (LayoutPdf d = new LayoutPdf().furniture("Testby kommun · Medborgarlöfte 2026", "Sida %d av 3")) {
      d.page().text(L, 90, "Polisen lovar att:");
      float y = 90 + 1.6f * P;
      for (int i = 1; y < 760; i++) {
        d.disc(BULLET, y);
        y = d.wrapped(ITEM, y, "Genomföra insats nummer " + i + " mot buskörning med mopeder och A-traktorer på "
            + "landsvägarna runt Testby under sommaren.") + P;
      }
      // The last item of the page runs over onto the next one, continuing at its indent.
      d.disc(BULLET, 790);
      d.text(ITEM, 790, "Bjuda in elever i årskurs nio till dialog om trygghet i skolan och på vägen dit och");
      d.page().text(ITEM, 90, "hem, tillsammans med skolans trygghetsgrupp.");
      d.text(L, 90 + 2 * P, "Vi följer upp löftet i december.");
      d.page().text(L, 90, "Datum: 2026-02-01");
      pdf = d.bytes();
    }
    List<String> b = blocks(pdf);
    assertTrue(b.contains("I1 Bjuda in elever i årskurs nio till dialog om trygghet i skolan och på vägen dit och hem, "
        + "tillsammans med skolans trygghetsgrupp."), b.toString());
    assertEquals("P0 Vi följer upp löftet i december.", b.get(b.size() - 2));
    assertEquals("H0 Datum: 2026-02-01", b.get(b.size() - 1));
    assertFalse(b.stream().anyMatch(s -> s.contains("Sida") || s.contains("Testby kommun ·")), b.toString());
    assertTrue(b.stream().filter(s -> s.startsWith("I1 Genomföra insats nummer")).allMatch(s -> s.endsWith("sommaren.")));
  }

  @Test
  void signaturesSideBySideAreReadColumnByColumn() throws IOException {
    byte[] pdf;
    try (LayoutPdf d = new LayoutPdf()) {
      d.page().wrapped(L, 90, "Löftet gäller från 1 januari 2026 till 31 december 2026.");
      d.text(L, 150, "Anna Lind (S)").text(320, 150, "Per Holm");
      d.text(L, 150 + P, "Kommunstyrelsens ordförande").text(320, 150 + P, "Lokalpolisområdeschef");
      d.text(L, 150 + 2 * P, "Testby kommun").text(320, 150 + 2 * P, "Lokalpolisområde Testby");
      pdf = d.bytes();
    }
    assertEquals(List.of("P0 Löftet gäller från 1 januari 2026 till 31 december 2026.",
        "H0 Anna Lind (S)", "H0 Kommunstyrelsens ordförande", "H0 Testby kommun",
        "H0 Per Holm", "H0 Lokalpolisområdeschef", "H0 Lokalpolisområde Testby"), blocks(pdf));
  }

  @Test
  void aParagraphAcrossTheColumnsEndsTheSignatureBlock() throws IOException {
    byte[] pdf;
    try (LayoutPdf d = new LayoutPdf()) {
      d.page();
      d.text(L, 150, "Anna Lind").text(320, 150, "Per Holm");
      d.text(L, 150 + P, "Kommunstyrelsens ordförande").text(320, 150 + P, "Lokalpolisområdeschef");
      d.text(L, 150 + 2 * P, "Kontakt: Eva Ek, trygghetssamordnare, telefon 0123-456 78, eva.ek@testby.se");
      pdf = d.bytes();
    }
    assertEquals(List.of("H0 Anna Lind", "H0 Kommunstyrelsens ordförande", "H0 Per Holm", "H0 Lokalpolisområdeschef",
        "P0 Kontakt: Eva Ek, trygghetssamordnare, telefon 0123-456 78, eva.ek@testby.se"), blocks(pdf));
  }

  @Test
  void aTableIsReadRowByRow() throws IOException {
    byte[] pdf;
    try (LayoutPdf d = new LayoutPdf()) {
      d.page();
      String[][] rows = {{"Aktivitet", "Ansvarig"}, {"Trygghetsvandring", "Kommunen"}, {"Fotpatrull", "Polisen"},
          {"Föräldramöte", "Skolan"}, {"Nattvandring", "Föreningar"}, {"Lägesbild", "Polis och kommun"}};
      for (int i = 0; i < rows.length; i++) {
        d.text(L, 100 + i * P, rows[i][0]).text(300, 100 + i * P, rows[i][1]);
      }
      pdf = d.bytes();
    }
    List<String> b = blocks(pdf);
    assertEquals("H0 Trygghetsvandring", b.get(2));
    assertEquals("H0 Kommunen", b.get(3));
  }

  @Test
  void aWholePromiseAsPdfGivesItsCommitmentsAndSignatories() throws IOException {
    byte[] pdf;
    try (LayoutPdf d = new LayoutPdf().furniture("Medborgarlöfte Testby", "%d")) {
      d.page().text(L, 80, "Medborgarlöfte i Hjo 2026", true, 16);
      float y = d.wrapped(L, 110, "Medborgarlöftet för 2026 bygger på trygghetsmätningen och polisens lägesbild för "
          + "Hjo, där narkotika och trafiken i centrum oroar flest.") + 2 * P;
      d.text(L, y, "Polisen lovar att:");
      y += 1.6f * P;
      d.disc(BULLET, y);
      y = d.wrapped(ITEM, y, "Genomföra minst tio trafikkontroller vid skolorna under läsåret.") + P;
      d.disc(BULLET, y);
      y = d.wrapped(ITEM, y, "Göra riktade insatser mot narkotikaförsäljning i centrala Hjo under kvällar och helger "
          + "tillsammans med kommunens fältassistenter.") + 2 * P;
      d.text(L, y, "Kommunen lovar att:");
      y += 1.6f * P;
      d.disc(BULLET, y);
      y = d.wrapped(ITEM, y, "Förbättra belysningen i gångtunneln vid stationen.") + 3 * P;
      d.text(L, y, "Maria Ek (M)").text(320, y, "Johan Berg");
      d.text(L, y + P, "Kommunstyrelsens ordförande").text(320, y + P, "Lokalpolisområdeschef");
      pdf = d.bytes();
    }
    ExtractedPromise p = Fixtures.extractor().extract(Fixtures.doc("hjo/medborgarlofte.pdf", pdf));
    assertEquals(List.of("Genomföra minst tio trafikkontroller vid skolorna under läsåret.",
        "Göra riktade insatser mot narkotikaförsäljning i centrala Hjo under kvällar och helger tillsammans med "
            + "kommunens fältassistenter.",
        "Förbättra belysningen i gångtunneln vid stationen."), p.commitments().stream().map(Commitment::text).toList());
    assertEquals(List.of("Maria Ek", "Johan Berg"), p.signatories().stream().map(ExtractedPromise.Signatory::name).toList());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "narkotika-|brott i centrum|narkotikabrott i centrum",
      "polis-|och kommunledning|polis- och kommunledning",
      "EPA-|traktorer|EPA-traktorer",
      "årskurs 4-|6|årskurs 4-6",
      "Heden -|området|Heden - området",
      "slut|början|slut början"})
  void wrappedLinesJoin(String first, String second, String joined) {
    StringBuilder sb = new StringBuilder(first);
    PdfBlocks.join(sb, second);
    assertEquals(joined, sb.toString());
  }

  @Test
  void oddPdfsGiveTextOrAnIoExceptionNeverAnotherException() throws IOException {
    byte[] empty;
    try (PDDocument doc = new PDDocument(); java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
      doc.addPage(new PDPage());
      PDPage turned = new PDPage();
      turned.setRotation(90);
      doc.addPage(turned);
      doc.save(out);
      empty = out.toByteArray();
    }
    assertEquals(List.of(), blocks(empty));
    byte[] rotated;
    try (LayoutPdf d = new LayoutPdf()) {
      d.page().rotated(40, 700, "Diarienummer KS 2026/14").text(L, 100, "Polisen lovar att synas mer i centrum.");
      rotated = d.bytes();
    }
    assertTrue(blocks(rotated).contains("P0 Polisen lovar att synas mer i centrum."), blocks(rotated).toString());
    assertThrows(IOException.class, () -> blocks("%PDF-1.7 trasig".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThrows(IOException.class, () -> blocks(new byte[0]));
    byte[] cut = Arrays.copyOf(rotated, rotated.length / 2);
    try {
      blocks(cut);
    } catch (IOException expected) {
      // A truncated file may be repaired by PDFBox or refused; both are fine.
    }
  }

  @Test
  void pagesBeyondTheLimitAreNotRead() throws IOException {
    byte[] pdf;
    try (LayoutPdf d = new LayoutPdf()) {
      for (int i = 1; i <= PdfReader.MAX_PAGES + 3; i++) {
        d.page().text(L, 300, "Text på sidan " + i + ".");
      }
      pdf = d.bytes();
    }
    String text = String.join("\n", blocks(pdf));
    assertTrue(text.contains("Text på sidan " + PdfReader.MAX_PAGES + "."), text);
    assertFalse(text.contains("Text på sidan " + (PdfReader.MAX_PAGES + 1) + "."), text);
  }
}
