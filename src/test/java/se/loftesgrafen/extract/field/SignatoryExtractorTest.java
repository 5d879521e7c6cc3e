package se.loftesgrafen.extract.field;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.loftesgrafen.extract.ExtractedPromise;
import se.loftesgrafen.extract.Fixtures;

class SignatoryExtractorTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      Per-Samuel Nisser (M), kommunstyrelsens ordförande och Orla Kristoffersen, lokalpolisområdeschef skriver under medborgarlöftet. | Per-Samuel Nisser;Orla Kristoffersen | M
      Kommunchef Ralf Hedin och Liselotte Jergard, chef för lokalpolisområde Katrineholm undertecknade i mars ett medborgarlöfte. | Ralf Hedin;Liselotte Jergard | -
      Löftet som kommunalrådet Gusten Mårtensson (C) och lokalpolisområdeschefen Roger Olsson signerade den 23 februari 2022. | Gusten Mårtensson;Roger Olsson | C
      Mats Scherp och Caroline Dieker (M) med det nya medborgarlöftet. | - | -
      Medborgarlöftet undertecknades av Lena Holm och Anders Vik i stadshuset. | Lena Holm;Anders Vik | -
      Lena Holm och Anders Vik skrev under löftet på tisdagen. | Lena Holm;Anders Vik | -
      Löftet undertecknades i Nya Rådhuset av lokalpolisområdeschef Anders Vik. | Anders Vik | -
      Kommunalråd Lena Holm (S) och Anders Vik polisområdeschef i Ystad signerade löftet. | Lena Holm;Anders Vik | S
      Löftet signerades av kommunens ordförande Lena Holm (S), räddningschefen Nils Berg och lokalpolisområdeschef Anders Vik. | Lena Holm;Nils Berg;Anders Vik | S
      Medborgarlöftena 2025–2027 undertecknas av kommunstyrelsens ordförande Lena Holm och av Anders Vik, chef för lokalpolisområde Ystad. | Lena Holm;Anders Vik | -
      På bilden: Lena Holm och Anders Vik när löftet skrevs under. | - | -
      Anna Berg, kommunstyrelsens ordförande, och Lars Ek, lokalpolisområdeschef, har i dag undertecknat ett nytt medborgarlöfte. | Anna Berg;Lars Ek | -
      Medborgarlöftet har tagits fram av kommunpolis Sara Lind och trygghetssamordnare Per Ek. | - | -
      Kommunstyrelsens ordförande Lena Holm (S) och Anders Vik, lokalpolisområdeschef, har tecknat ett nytt medborgarlöfte. | Lena Holm;Anders Vik | S
      I dag skrev kommunalrådet Lena Holm (S) och Anders Vik, som är lokalpolisområdeschef, under det nya medborgarlöftet. | Lena Holm;Anders Vik | S
      I går satte Lena Holm (S), kommunalråd, och lokalpolisområdeschef Anders Vik sina signaturer på löftet. | Lena Holm;Anders Vik | S
      Det var Anna Berg, chef för lokalpolisområde Ystad, och kommunstyrelsens ordförande, Lars Ek (L), som satte sina namn under dokumentet. | Anna Berg;Lars Ek | -
      """)
  void peopleASentenceSaysSigned(String text, String names, String firstParty) throws IOException {
    var p = Fixtures.extractor().extract(Fixtures.text("s.txt", text));
    List<String> expected = names == null ? List.of() : List.of(names.split(";"));
    assertEquals(expected, p.signatories().stream().map(ExtractedPromise.Signatory::name).toList());
    if (!expected.isEmpty()) {
      assertEquals(Optional.ofNullable(firstParty), p.signatories().get(0).party());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      signature blocks   | Jenny Wester\\nLokalpolisområdeschef\\nÖstra Fyrbodal\\n\\nEwa Arvidsson\\nFörste vice ordförande\\nkommunstyrelsen | Jenny Wester;Ewa Arvidsson
      contact box        | Kontaktperson\\nSäkerhetssamordnare\\nDaniel Andersson\\nTelefon: 0532-173 35 | -
      author             | Gunnar Åreng\\nKommunpolis\\nTöreboda | -
      chef with phone    | Erik Dahl\\nKommunchef\\nTelefon 0520-65 95 00 | -
      line broken        | I dag har kommunalrådet Lena Holm\\noch Anders Vik, chef för lokalpolisområde Ystad, skrivit under löftet. | Lena Holm;Anders Vik
      two columns        | Vi lovar att synas mer.\\nMaria Lind     Johan Ek\\nKommunstyrelsens ordförande     Lokalpolisområdeschef | Maria Lind;Johan Ek
      two columns, marker| Ort och datum\\nMalin Ek Stefan Nord\\nKommunstyrelsens ordförande Lokalpolisområdeschef | Malin Ek;Stefan Nord
      table cells        | Maria Lind\\nJohan Ek\\nKommunstyrelsens ordförande\\nLokalpolisområdeschef | Maria Lind;Johan Ek
      titles above names | Kommunstyrelsens ordförande\\nLena Holm\\nLokalpolisområdeschef\\nAnders Vik | Lena Holm;Anders Vik
      slash lines        | Vi följer upp löftet varje halvår.\\n/Karin Berglund, kommunstyrelsens ordförande\\n/Ali Hassan, lokalpolisområdeschef | Karin Berglund;Ali Hassan
      slash names only   | Vi följer upp löftet varje halvår.\\n/Karin Berglund\\n/Ali Hassan | Karin Berglund;Ali Hassan
      slashes on a line  | /Malin Ek /Stefan Nord | Malin Ek;Stefan Nord
      after Datum        | Datum: 2024-02-01\\nKarin Berglund\\nKommunstyrelsens ordförande\\nDatum: 2024-02-01\\nAli Hassan\\nLokalpolisområdeschef | Karin Berglund;Ali Hassan
      names under marker | Ort och datum: Vimmerby den 3 mars 2023\\nEva Strand\\nOlle Nyberg | Eva Strand;Olle Nyberg
      several per party  | Lena Holm\\nKommunstyrelsens ordförande\\nPer Sjö\\nKommundirektör\\nAnders Vik\\nLokalpolisområdeschef\\nSara Dahl\\nVD, Bostadsbolaget AB | Lena Holm;Per Sjö;Anders Vik;Sara Dahl
      third party        | Malin Ek (S)\\nKommunalråd\\n\\nStefan Nord\\nChef lokalpolisområde Gällivare\\n\\nPeter Sand\\nRäddningschef, Räddningstjänsten Norr | Malin Ek;Stefan Nord;Peter Sand
      other title nearby | Lena Holm\\nKommunstyrelsens ordförande\\nSara Dahl\\nVerksamhetschef Fastigheter | Lena Holm;Sara Dahl
      quoted, captioned  | – Det här är viktigt, säger Anders Vik.\\nAnders Vik, lokalpolisområdeschef i Ystad | -
      caption            | – Vi vill att fler ska känna sig trygga, säger Malin Ek (S), kommunalråd.\\nBilden: Malin Ek och Stefan Nord i samband med undertecknandet. | -
      contact section    | Kontakt\\nAnders Vik\\nLokalpolisområdeschef\\nanders.vik@polisen.se | -
      contact phone      | För frågor kontakta\\nStefan Nord\\nLokalpolisområdeschef\\n010-56 000 00 | -
      contact one line   | Mer information\\nLena Holm, kommunstyrelsens ordförande, 0411-57 70 00 | -
      author and photo   | Text: Anna Wik\\nFoto: Stefan Nord | -
      title on name line | Underskrifter:\\nAnna Berg (S) Kommunstyrelsens ordförande\\nLars Ek Lokalpolisområdeschef | Anna Berg;Lars Ek
      dated signatures   | Anna Berg\\nOrdförande i kommunstyrelsen\\n2023-03-01\\n\\nLars Ek\\nLokalpolisområdeschef Skellefteå\\n2023-03-01 | Anna Berg;Lars Ek
      contact line above | Läs mer\\nKontaktperson: Sara Lind, kommunpolis, 010-114 14 14\\nLars Ek\\nLokalpolisområdeschef | Lars Ek
      press invitation   | Polisen bjuder in media till undertecknandet.\\nVid undertecknandet medverkar:\\nAnna Berg, lokalpolisområdeschef Ystad\\nLars Ek, kommunalråd | -
      participants       | Medverkande:\\nAnna Berg\\nLokalpolisområdeschef\\nLars Ek\\nKommunstyrelsens ordförande | -
      signature lines    | Ystad den 1 februari 2024\\n____________________\\nLena Holm\\nKommunstyrelsens ordförande\\n____________________\\nAnders Vik\\nLokalpolisområdeschef | Lena Holm;Anders Vik
      particles          | Vi lovar att synas mer.\\nCarl von Essen\\nKommunstyrelsens ordförande\\n\\nJohan af Klint\\nLokalpolisområdeschef | Carl von Essen;Johan af Klint
      abbreviated titles | Vi lovar att synas mer.\\nMaria Lind\\nKSO\\n\\nJohan Ek\\nLPO-chef Hudiksvall | Maria Lind;Johan Ek
      ordf.              | Vi lovar att synas mer.\\nMaria Lind, kommunstyrelsens ordf.\\nJohan Ek, lokalpolisområdeschef | Maria Lind;Johan Ek
      names in capitals  | Vi lovar att synas mer.\\nMARIA LIND\\nKommunstyrelsens ordförande\\n\\nJOHAN EK\\nLokalpolisområdeschef | Maria Lind;Johan Ek
      title, then name   | Vi lovar att synas mer.\\nKommunstyrelsens ordförande Maria Lind (S)\\nLokalpolisområdeschef Johan Ek | Maria Lind;Johan Ek
      capitals heading   | NARKOTIKA OCH ALKOHOL\\nPolisen ska genomföra fler kontroller.\\nTRYGG SKOLVÄG\\nKommunen ska bygga fler gångvägar. | -
      author block       | Trygghetsvandring i Norrmalm\\nPolisen bjuder in till vandring.\\nOlle Nyberg\\nKommunpolis | -
      """)
  void nameAndTitleBlocks(String label, String text, String names) throws IOException {
    var p = Fixtures.extractor().extract(Fixtures.text("b.txt", text.replace("\\n", "\n")));
    List<String> expected = names.equals("-") ? List.of() : List.of(names.split(";"));
    assertEquals(expected, p.signatories().stream().map(ExtractedPromise.Signatory::name).toList());
  }

  /** The title and party of each signer: a party after the title, a "För ..." line that opens the next signature. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      party after title | Vi lovar att synas mer.\\nLena Holm, kommunstyrelsens ordförande (S)\\nAnders Vik, lokalpolisområdeschef | Lena Holm: kommunstyrelsens ordförande (S);Anders Vik: lokalpolisområdeschef (-)
      wrapped title     | Vi lovar att synas mer.\\nLena Holm\\nKommunstyrelsens\\nordförande\\nAnders Vik\\nLokalpolisområdeschef | Lena Holm: Kommunstyrelsens ordförande (-);Anders Vik: Lokalpolisområdeschef (-)
      för-lines         | Vi lovar att synas mer.\\nFör Ystads kommun\\nLena Holm\\nKommunstyrelsens ordförande\\n\\nFör Polismyndigheten\\nAnders Vik\\nLokalpolisområdeschef | Lena Holm: Kommunstyrelsens ordförande (-);Anders Vik: Lokalpolisområdeschef (-)
      no phone in title | Löftet undertecknades av Anna Berg, lokalpolisområdeschef tel 010-114 14 14 | Anna Berg: lokalpolisområdeschef (-)
      title before name | Löftet undertecknades av kommunstyrelsens ordförande Lena Holm (S) och lokalpolisområdeschef Anders Vik. | Lena Holm: kommunstyrelsens ordförande (S);Anders Vik: lokalpolisområdeschef (-)
      """)
  void titlesAndParties(String label, String text, String expected) throws IOException {
    var p = Fixtures.extractor().extract(Fixtures.text("r.txt", text.replace("\\n", "\n")));
    assertEquals(List.of(expected.split(";")), p.signatories().stream()
        .map(s -> s.name() + ": " + s.role().orElse("-") + " (" + s.party().orElse("-") + ")").toList());
  }

  /** Names and titles in two columns: each person gets the title in their column, not both. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      spaced columns | Vi lovar att synas mer.\\nMaria Lind     Johan Ek\\nKommunstyrelsens ordförande     Lokalpolisområdeschef
      one space      | Ort och datum\\nMaria Lind Johan Ek\\nKommunstyrelsens ordförande Lokalpolisområdeschef
      """)
  void titlesInTwoColumns(String label, String text) throws IOException {
    var p = Fixtures.extractor().extract(Fixtures.text("c.txt", text.replace("\\n", "\n")));
    assertEquals(List.of("Maria Lind: Kommunstyrelsens ordförande", "Johan Ek: Lokalpolisområdeschef"),
        p.signatories().stream().map(s -> s.name() + ": " + s.role().orElse("-")).toList());
  }
}
