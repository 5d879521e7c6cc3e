package se.loftesgrafen.graph;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The ends of a period as the extractor states them ({@code 2021}, {@code 2021-06} or {@code 2021-06-30}) turned
 * into the dates of the one date model: a year or month stands for its first day as a start and its last day as an
 * end, and its precision ({@code year}, {@code month}, {@code day}) is kept beside the date.
 */
final class PeriodDates {
  private PeriodDates() {}

  /** Whether {@code stated} is a year, a month or a real date. */
  static boolean valid(String stated) {
    try {
      return stated.matches("\\d{4}(-\\d{2}(-\\d{2})?)?") && first(stated).isBefore(last(stated).plusDays(1));
    } catch (java.time.DateTimeException e) {
      return false;
    }
  }

  static LocalDate first(String stated) {
    return switch (precision(stated)) {
      case "year" -> LocalDate.of(Integer.parseInt(stated), 1, 1);
      case "month" -> YearMonth.parse(stated).atDay(1);
      default -> LocalDate.parse(stated);
    };
  }

  static LocalDate last(String stated) {
    return switch (precision(stated)) {
      case "year" -> LocalDate.of(Integer.parseInt(stated), 12, 31);
      case "month" -> YearMonth.parse(stated).atEndOfMonth();
      default -> LocalDate.parse(stated);
    };
  }

  static String precision(String stated) {
    return switch (stated.length()) {
      case 4 -> "year";
      case 7 -> "month";
      case 10 -> "day";
      default -> throw new IllegalArgumentException("not a year, month or date: '" + stated + "'");
    };
  }
}
