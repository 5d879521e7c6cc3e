package se.loftesgrafen.extract.field;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.loftesgrafen.extract.ExtractionRules;

class DateExtractorTest {
  private static final DateExtractor DATES = new DateExtractor(ExtractionRules.load());

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      Publicerad 2021-04-14                              | 2021-04-14 | -
      Artikeln publicerades 25 februari 2022             | 2022-02-25 | -
      · Publicerad: 21 januari 2020 · 15.47.             | 2020-01-21 | -
      Sidan uppdaterades 2021-09-16                      | -          | 2021-09-16
      Senast uppdaterad: 3 mars 2023                     | -          | 2023-03-03
      Uppdaterad den                                     | -          | -
      Publicerad 2021-02-31                              | -          | -
      Datum: 2023-05-02\\nPolisen och kommunen lovar    | 2023-05-02 | -
      Ort och datum: 2023-05-02\\n\\nAnna Berg\\nKommunalråd | -       | -
      Medborgarlöfte i Ljusdal 2019-03-04T10:15:00+00:00  | 2019-03-04 | -
      Löftet gäller 2019-03-04 till 2020-03-03           | -          | -
      Nytt löfte undertecknat\\n\\n3 mars 2021\\n\\nPolisen lovar | 2021-03-03 | -
      Anna Berg\\nKommunalråd\\nÖvrigt\\nText\\nMer text\\nÄnnu mer\\nSlut\\n2023-03-01 | - | -
      """)
  void readsThePagesOwnDates(String text, String published, String updated) {
    String page = text.replace("\\n", "\n");
    assertEquals(Optional.ofNullable(published), DATES.published(page));
    assertEquals(Optional.ofNullable(updated), DATES.updated(page));
  }
}
