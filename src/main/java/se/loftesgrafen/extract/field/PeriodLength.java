package se.loftesgrafen.extract.field;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.loftesgrafen.extract.ExtractedPromise.Period;
import se.loftesgrafen.extract.ExtractionRules;

/**
 * The length a page states for its promise ("Löftet gäller i två år", "och ett år framåt", "tvåårigt", "och tolv
 * månader framåt"; rules: period_duration with a group n in years or months in months, number_words), and the end it
 * gives a period that has only a start.
 */
final class PeriodLength {
  private final List<Pattern> duration;
  private final Map<String, Integer> numberWords;

  PeriodLength(ExtractionRules rules) {
    this.duration = rules.patterns("period_duration");
    this.numberWords = rules.intMap("number_words");
  }

  /** How many months the page says the promise runs, if it says so in years or months (rules: period_duration). */
  private OptionalInt statedMonths(String text) {
    for (Pattern p : duration) {
      Matcher m = p.matcher(text);
      if (m.find()) {
        boolean inMonths = PeriodExtractor.has(m, "months");
        int n = number(m.group(inMonths ? "months" : "n"));
        int months = inMonths ? n : 12 * n;
        if (months >= 6 && months <= 60) {
          return OptionalInt.of(months);
        }
      }
    }
    return OptionalInt.empty();
  }

  private int number(String s) {
    String n = s.toLowerCase(Locale.ROOT);
    Integer word = numberWords.get(n);
    return word != null ? word : n.chars().allMatch(Character::isDigit) && n.length() <= 2 ? Integer.parseInt(n) : 0;
  }

  /**
   * A period with a start and no other end than its own year, on a page that states its length: it ends that
   * many years or months on ("2023 ... i två år" is 2023-2024; "1 mars 2021 och ett år framåt" ends 2022-02-28; "1
   * juli 2023 och tolv månader framåt" ends 2024-06-30).
   */
  Period lasting(Period p, String mainText) {
    if (p.from().isEmpty() || p.to().isEmpty()) {
      return p;
    }
    String from = p.from().get();
    String to = p.to().get();
    if (!to.substring(0, 4).equals(from.substring(0, 4)) || to.length() == 10 && !to.endsWith("-12-31")) {
      return p;
    }
    OptionalInt stated = statedMonths(mainText);
    if (stated.isEmpty()) {
      return p;
    }
    int months = stated.getAsInt();
    if (from.length() == 10) {
      LocalDate start = LocalDate.parse(from);
      return new Period(p.from(), Optional.of(start.plusMonths(months).minusDays(1).toString()), p.text());
    }
    int years = (months + 11) / 12;
    return new Period(p.from(), Optional.of(String.valueOf(Integer.parseInt(from.substring(0, 4)) + years - 1)), p.text());
  }
}
