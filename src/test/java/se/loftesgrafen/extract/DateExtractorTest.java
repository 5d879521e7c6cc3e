package se.loftesgrafen.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
      """)
  void readsThePagesOwnDates(String text, String published, String updated) {
    assertEquals(Optional.ofNullable(published), DATES.published(text));
    assertEquals(Optional.ofNullable(updated), DATES.updated(text));
  }
}
