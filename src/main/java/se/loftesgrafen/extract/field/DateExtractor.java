package se.loftesgrafen.extract.field;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.loftesgrafen.extract.ExtractionRules;

/**
 * The page's own dates: "Publicerad: 21 januari 2020 · 15.47", "Artikeln publicerades 25 februari 2022",
 * "Sidan uppdaterades 2021-09-16" (rules: published, updated, months), as ISO dates.
 */
public final class DateExtractor {
  private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern SWEDISH = Pattern.compile("(\\d{1,2})\\s+(\\p{L}+)\\s+(\\d{4})");

  private final List<Pattern> published;
  private final List<Pattern> updated;
  private final Map<String, Integer> months;

  /** The date rules (published, updated, months), compiled once. */
  public DateExtractor(ExtractionRules rules) {
    this.published = rules.patterns("published");
    this.updated = rules.patterns("updated");
    this.months = rules.intMap("months");
  }

  /** The date the page says it was published, as an ISO date. */
  public Optional<String> published(String text) {
    return first(published, text);
  }

  /** The date the page says it was updated, as an ISO date. */
  public Optional<String> updated(String text) {
    return first(updated, text);
  }

  private Optional<String> first(List<Pattern> patterns, String text) {
    for (Pattern p : patterns) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        Optional<String> d = iso(m.group("date"));
        if (d.isPresent()) {
          return d;
        }
      }
    }
    return Optional.empty();
  }

  /** "2021-04-14" or "25 februari 2022" as an ISO date, when it is a real date. */
  Optional<String> iso(String s) {
    Matcher m = ISO.matcher(s);
    if (m.matches()) {
      return valid(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }
    m = SWEDISH.matcher(s);
    if (m.matches()) {
      Integer month = months.get(m.group(2).toLowerCase(Locale.ROOT));
      if (month != null) {
        return valid(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1)));
      }
    }
    return Optional.empty();
  }

  static Optional<String> valid(int y, int m, int d) {
    try {
      return Optional.of(java.time.LocalDate.of(y, m, d).toString());
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }
}
