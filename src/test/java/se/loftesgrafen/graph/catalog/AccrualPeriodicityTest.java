package se.loftesgrafen.graph.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The harvest schedule (a Quartz cron) read as a code of the EU frequency table. */
class AccrualPeriodicityTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "0 0 3 * * ?        | DAILY",
      "0 30 2 ? * *       | DAILY",
      "0 0 3,15 * * ?     | DAILY_2",
      "0 0 * * * ?        | HOURLY",
      "0 0 4 ? * MON      | WEEKLY",
      "0 0 4 ? * 2        | WEEKLY",
      "0 0 4 1 * ?        | MONTHLY",
      "0 0 4 1 1 ?        | ANNUAL",
      "0 0 */6 * * ?      | IRREG",
      "0 0/15 * * * ?     | IRREG",
      "0 0 4 ? * MON-FRI  | IRREG",
      "nonsense           | IRREG"})
  void readsTheScheduleAsAFrequency(String cron, String code) {
    assertEquals(code, AccrualPeriodicity.code(cron));
  }
}
