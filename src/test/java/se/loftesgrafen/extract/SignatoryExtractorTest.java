package se.loftesgrafen.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignatoryExtractorTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      Per-Samuel Nisser (M), kommunstyrelsens ordförande och Orla Kristoffersen, lokalpolisområdeschef skriver under medborgarlöftet. | Per-Samuel Nisser;Orla Kristoffersen | M
      Kommunchef Ralf Hedin och Liselotte Jergard, chef för lokalpolisområde Katrineholm undertecknade i mars ett medborgarlöfte. | Ralf Hedin;Liselotte Jergard | -
      Löftet som kommunalrådet Gusten Mårtensson (C) och lokalpolisområdeschefen Roger Olsson signerade den 23 februari 2022. | Gusten Mårtensson;Roger Olsson | C
      Mats Scherp och Caroline Dieker (M) med det nya medborgarlöftet. | - | -
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
      """)
  void nameAndTitleBlocks(String label, String text, String names) throws IOException {
    var p = Fixtures.extractor().extract(Fixtures.text("b.txt", text.replace("\\n", "\n")));
    List<String> expected = names.equals("-") ? List.of() : List.of(names.split(";"));
    assertEquals(expected, p.signatories().stream().map(ExtractedPromise.Signatory::name).toList());
  }
}
