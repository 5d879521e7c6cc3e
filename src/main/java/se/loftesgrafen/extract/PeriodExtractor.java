package se.loftesgrafen.extract;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.loftesgrafen.extract.ExtractedPromise.Period;

/**
 * The period a promise covers, from the period patterns of the rules, most specific first ("Under tiden 1 januari
 * 2023 - 31 december 2024", "från 2018 till och med 2020", "fram till den 30 september 2017", "Medborgarlöfte
 * 2023–2025", "Under 2021"). When only the end is stated, the start is the publication year, or else the year
 * before an end within a year (a one-year promise "det kommande året").
 */
final class PeriodExtractor {
  private final List<Pattern> patterns;
  private final Map<String, Integer> months;

  PeriodExtractor(ExtractionRules rules) {
    this.patterns = rules.patterns("periods");
    this.months = rules.intMap("months");
  }

  Optional<Period> extract(String mainText, Optional<String> title, Optional<String> published) {
    List<String> candidates = title.isPresent() ? List.of(mainText, title.get()) : List.of(mainText);
    for (Pattern p : patterns) {
      for (String text : candidates) {
        Matcher m = p.matcher(text);
        if (m.find()) {
          Optional<Period> period = period(m, published);
          if (period.isPresent()) {
            return period;
          }
        }
      }
    }
    return Optional.empty();
  }

  private Optional<Period> period(Matcher m, Optional<String> published) {
    Optional<String> from = date(m, "fy", "fm", "fd");
    Optional<String> to = date(m, "ty", "tm", "td");
    if (has(m, "half") && to.isPresent()) {
      String half = m.group("half").toLowerCase(Locale.ROOT);
      to = Optional.of(to.get() + (half.equals("årsskiftet") ? "-12-31" : "-06-30"));
    }
    if (from.isPresent() && to.isEmpty()) {
      to = Optional.of(from.get().substring(0, 4));
      if (from.get().length() > 4) {
        from = Optional.of(from.get().substring(0, 4));
      }
    }
    if (from.isEmpty() && to.isPresent()) {
      int end = Integer.parseInt(to.get().substring(0, 4));
      Optional<Integer> pub = published.map(s -> Integer.parseInt(s.substring(0, 4))).filter(y -> y <= end);
      boolean yearEnd = to.get().length() == 4 || to.get().endsWith("-12-31");
      from = Optional.of(String.valueOf(pub.orElse(yearEnd ? end : end - 1)));
    }
    if (from.isEmpty()) {
      return Optional.empty();
    }
    if (from.get().compareTo(to.get()) > 0) {
      return Optional.empty();
    }
    String text = m.group().strip().replaceAll("\\s+", " ");
    return Optional.of(new Period(from, to, text));
  }

  private Optional<String> date(Matcher m, String y, String mo, String d) {
    if (!has(m, y)) {
      return Optional.empty();
    }
    String year = m.group(y);
    if (has(m, mo) && has(m, d)) {
      Integer month = months.get(m.group(mo).toLowerCase(Locale.ROOT));
      if (month != null) {
        return DateExtractor.valid(Integer.parseInt(year), month, Integer.parseInt(m.group(d)));
      }
    }
    return Optional.of(year);
  }

  private static boolean has(Matcher m, String group) {
    try {
      return m.group(group) != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
