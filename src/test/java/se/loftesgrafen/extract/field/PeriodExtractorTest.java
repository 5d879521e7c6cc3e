package se.loftesgrafen.extract.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.loftesgrafen.extract.ExtractionRules;

class PeriodExtractorTest {
  private static final PeriodExtractor PERIODS = new PeriodExtractor(ExtractionRules.load());

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      Under 2021 lovar polisen och kommunen att öka insatserna.                 | -          | 2021 | 2021
      Medborgarlöfte 2023–2025                                                  | -          | 2023 | 2025
      Medborgarlöfte Arboga 2023. Löftet gäller i två år.                       | -          | 2023 | 2024
      Löftet gäller från den 1 mars 2021 och ett år framåt.                     | -          | 2021-03-01 | 2022-02-28
      Medborgarlöfte 2022/2023                                                  | -          | 2022 | 2023
      Löftet gäller från 2018 till och med 2020.                                | -          | 2018 | 2020
      Under tiden 1 januari 2023 - 31 december 2024 lovar polisen att:          | -          | 2023-01-01 | 2024-12-31
      Det är innebörden av medborgarlöftet som gäller fram till den 30 september 2017. | -   | 2016 | 2017-09-30
      Polisen och kommunen har enats om löften fram till halvårsskiftet 2021.   | 2020-01-21 | 2020 | 2021-06-30
      Det här ska kommunen och polisen fokusera på under år 2022                | -          | 2022 | 2022
      Insatserna genomförs under hösten 2015.                                   | -          | 2015 | 2015
      Detta är Varbergs medborgarlöfte för 2022.                                | -          | 2022 | 2022
      Löftena gäller 2023 till och med 2025 och följs upp varje år.             | -          | 2023 | 2025
      Medborgarlöftet gäller under perioden 2019-07-01—2021-06-30.              | -          | 2019-07-01 | 2021-06-30
      Vårt gemensamma löfte gäller februari–juni 2019.                          | -          | 2019-02-01 | 2019-06-30
      Medborgarlöftet löper mellan 1 juli 2020 och 30 juni 2021.                | -          | 2020-07-01 | 2021-06-30
      Löftena gäller fr.o.m. 1 februari 2022 t.o.m. 31 januari 2023.           | -          | 2022-02-01 | 2023-01-31
      Polisen och kommunen ska under 2020 och 2021 arbeta mot langning.         | -          | 2020 | 2021
      Löftet gäller 1/3 2023 – 28/2 2024.                                       | -          | 2023-03-01 | 2024-02-28
      Löftet gäller från hösten 2022 till sommaren 2023.                        | -          | 2022 | 2023
      Medborgarlöftet gäller i två år från 2023.                                | -          | 2023 | 2024
      Vårt medborgarlöfte är treårigt och gäller från 2024.                     | -          | 2024 | 2026
      Löftet gäller ett år från undertecknandet den 3 maj 2022.                 | -          | 2022-05-03 | 2023-05-02
      Medborgarlöftet gäller från och med den 1 juli 2023 och tolv månader framåt. | -       | 2023-07-01 | 2024-06-30
      Löftet gäller från och med den 1 september 2022.                          | -          | 2022-09-01 | 2022
      Medborgarlöftet för 2020 undertecknades i går av kommunalrådet.           | -          | 2020 | 2020
      """)
  void readsPeriods(String text, String published, String from, String to) {
    var p = PERIODS.extract(text, Optional.empty(), Optional.ofNullable(published));
    assertTrue(p.isPresent(), "no period in " + text);
    assertEquals(Optional.of(from), p.get().from());
    assertEquals(Optional.of(to), p.get().to());
  }

  /**
   * Pages state more than one date: the promise's period must win over publication, signing, survey and decision
   * dates and over earlier promises listed below it; a start and an end may stand in different sentences; a period
   * may be open-ended or extended. ("\\n" separates lines; "-" is no end.)
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      Publicerad 12 maj 2023\\nTrygghetsmätningen 2022 visade att många är oroliga.\\nUnder 2023 lovar polisen att synas mer. | 2023-05-12 | 2023 | 2023
      Medborgarlöftet undertecknades den 14 februari 2024.\\nLöftet gäller under 2024.                      | 2024-02-14 | 2024 | 2024
      Enkäten genomfördes hösten 2021 och besvarades av 900 personer.\\nPolisen lovar under 2022 att patrullera. | -   | 2022 | 2022
      Nytt medborgarlöfte för 2024-2026\\nTidigare löfte 2021-2023                                      | -          | 2024 | 2026
      Brotten minskade 2015–2017 enligt statistiken.\\nMedborgarlöfte 2018                              | -          | 2018 | 2018
      Medborgarlöften 2021-2022 för Hylte kommun\\nSidan publicerades 2021-02-10                         | 2021-02-10 | 2021 | 2022
      Kommunstyrelsen beslutade i november 2018 om löftet för 2019.                                     | -          | 2019 | 2019
      Avtalet undertecknades 15 januari 2022.\\nLöftena gäller fr.o.m. 1 februari 2022 t.o.m. 31 januari 2023. | - | 2022-02-01 | 2023-01-31
      Publicerad 3 mars 2022\\nMed början den 3 oktober 2021 arbetar vi med nattvandringar.\\nLöftet löper fram till och med den 30 april 2022. | 2022-03-03 | 2021-10-03 | 2022-04-30
      Löftet gäller med början måndagen den 2 oktober 2023 och fram till och med fredagen den 31 maj 2024. | - | 2023-10-02 | 2024-05-31
      Medborgarlöftet gäller från 2025 och tills vidare.                                                | -          | 2025 | -
      Medborgarlöfte 2026\\nLöftet gäller till dess att ett nytt löfte har undertecknats.             | -          | 2026 | -
      Löftet löper under 2024 eller till dess att ett nytt löfte undertecknats.                        | -          | 2024 | 2024
      Medborgarlöfte 2019\\n2019 års löften gäller även under 2020.                                    | -          | 2019 | 2020
      Medborgarlöfte 2017 förlängs\\nLöftet från 2017 förlängs och gäller även 2018.                   | -          | 2017 | 2018
      Medborgarlöfte 2020–2021 förlängs till och med 2022\\nPolisen lovar att synas mer.              | -          | 2020 | 2022
      Medborgarlöftet 2023 förlängs till att gälla även under första halvåret 2024.                     | -          | 2023 | 2024
      Kommunstyrelsen beslutade i december.\\nDärför ska 2020 års löften gälla för 2021 också.            | -          | 2020 | 2021
      Nämnden har beslutat att 2022 års medborgarlöfte ska gälla även under 2023.                       | -          | 2022 | 2023
      Medborgarlöfte 2023/24\\nPolisen lovar att synas mer.                                          | -          | 2023 | 2024
      Medborgarlöfte 2022\\nUppföljningen av 2021 års löfte visade att insatserna gav resultat.         | -          | 2022 | 2022
      Polisen har sedan 2018 arbetat med medborgarlöften. Nu gäller löftet 2025–2026.                   | -          | 2025 | 2026
      Polisen och kommunen kommer att genomföra en trygghetsvandring i oktober 2021.                    | -          | 2021 | 2021
      """)
  void theStatedPeriodWins(String text, String published, String from, String to) {
    var p = PERIODS.extract(text.replace("\\n", "\n"), Optional.empty(), Optional.ofNullable(published));
    assertTrue(p.isPresent(), "no period in " + text);
    assertEquals(Optional.of(from), p.get().from());
    assertEquals(Optional.ofNullable(to), p.get().to());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Kommunen har sedan 2005 genomfört trygghetsmätningar.
      Publicerad 2021-04-14
      Ring 0532-173 35 för mer information.
      Medborgarlöftet utgår från en kartläggning som polisen genomförde våren 2016.
      Kartläggningen gjordes 2017.
      Sedan år 2016 finns en samverkansöverenskommelse.
      """)
  void ignoresYearsThatAreNoPeriod(String text) {
    assertEquals(Optional.empty(), PERIODS.extract(text, Optional.empty(), Optional.empty()));
  }
}
