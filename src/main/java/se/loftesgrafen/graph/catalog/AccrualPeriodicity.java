package se.loftesgrafen.graph.catalog;

import java.util.Locale;

/**
 * The {@code dcterms:accrualPeriodicity} of the dataset, read from the Quartz cron expression of the scheduled harvest
 * ({@code harvest.schedule}) as a code of the EU frequency table
 * (http://publications.europa.eu/resource/authority/frequency): the data changes at most as often as it is harvested.
 * A schedule that fits none of the plain patterns is {@code IRREG}, not a guess.
 */
final class AccrualPeriodicity {
  static final String FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/";

  private AccrualPeriodicity() {}

  /** The frequency code for a Quartz cron: seconds minutes hours day-of-month month day-of-week [year]. */
  static String code(String cron) {
    String[] f = cron.trim().toUpperCase(Locale.ROOT).split("\\s+");
    if (f.length < 6 || !one(f[0]) || !one(f[1])) {
      return "IRREG";
    }
    String hours = f[2];
    String dom = f[3];
    String month = f[4];
    String dow = f[5];
    if (one(dom) && one(month)) {
      return one(hours) ? "ANNUAL" : "IRREG";
    }
    if (one(dom) && every(month)) {
      return one(hours) ? "MONTHLY" : "IRREG";
    }
    if (every(dom) && every(month) && one(dow)) {
      return one(hours) ? "WEEKLY" : "IRREG";
    }
    if (!every(dom) || !every(month) || !every(dow)) {
      return "IRREG";
    }
    if (one(hours)) {
      return "DAILY";
    }
    if (hours.matches("\\d+,\\d+")) {
      return "DAILY_2";
    }
    return hours.equals("*") || hours.equals("0/1") || hours.equals("*/1") ? "HOURLY" : "IRREG";
  }

  private static boolean one(String field) {
    return field.matches("\\d+|[A-Z]{3}");
  }

  private static boolean every(String field) {
    return field.equals("*") || field.equals("?");
  }
}
