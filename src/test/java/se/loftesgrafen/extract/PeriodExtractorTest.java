package se.loftesgrafen.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodExtractorTest {
  private static final PeriodExtractor PERIODS = new PeriodExtractor(ExtractionRules.load());

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      Under 2021 lovar polisen och kommunen att öka insatserna.                 | -          | 2021 | 2021
      Medborgarlöfte 2023–2025                                                  | -          | 2023 | 2025
      Medborgarlöfte 2022/2023                                                  | -          | 2022 | 2023
      Löftet gäller från 2018 till och med 2020.                                | -          | 2018 | 2020
      Under tiden 1 januari 2023 - 31 december 2024 lovar polisen att:          | -          | 2023-01-01 | 2024-12-31
      Det är innebörden av medborgarlöftet som gäller fram till den 30 september 2017. | -   | 2016 | 2017-09-30
      Polisen och kommunen har enats om löften fram till halvårsskiftet 2021.   | 2020-01-21 | 2020 | 2021-06-30
      Det här ska kommunen och polisen fokusera på under år 2022                | -          | 2022 | 2022
      Insatserna genomförs under hösten 2015.                                   | -          | 2015 | 2015
      Detta är Varbergs medborgarlöfte för 2022.                                | -          | 2022 | 2022
      """)
  void readsPeriods(String text, String published, String from, String to) {
    var p = PERIODS.extract(text, Optional.empty(), Optional.ofNullable(published));
    assertTrue(p.isPresent(), "no period in " + text);
    assertEquals(Optional.of(from), p.get().from());
    assertEquals(Optional.of(to), p.get().to());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Kommunen har sedan 2005 genomfört trygghetsmätningar.
      Publicerad 2021-04-14
      Ring 0532-173 35 för mer information.
      """)
  void ignoresYearsThatAreNoPeriod(String text) {
    assertEquals(Optional.empty(), PERIODS.extract(text, Optional.empty(), Optional.empty()));
  }
}
