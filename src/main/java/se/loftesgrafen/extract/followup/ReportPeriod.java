package se.loftesgrafen.extract.followup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.loftesgrafen.extract.ExtractedPromise.Period;
import se.loftesgrafen.extract.read.Block;
import se.loftesgrafen.extract.read.MainText;

/**
 * The promise period a report follows up, in years: from the report's own heading ("Uppföljning av
 * Medborgarlöften 2017", "Sammanfattning för 2022") first, then the page title, then the first sentence of the
 * report that names the promise's year ("I medborgarlöftet för 2018 lovade ...", "Detta har vi gjort under 2018").
 * A mixed page's title names next year's promise, so the report's heading comes before it.
 */
final class ReportPeriod {
  /** The report's sentences are read this far for the year. */
  private static final int READ = 3000;

  private final Pattern years;
  private final List<Pattern> sentences;

  ReportPeriod(FollowUpRules rules) {
    this.years = rules.pattern("period_years");
    this.sentences = rules.patterns("period_sentences");
  }

  Optional<Period> find(MainText main, ReportLocator.Span span) {
    List<String> first = new ArrayList<>();
    Block start = main.blocks().get(span.from());
    if (span.from() > 0 || start.isHeading()) {
      first.add(start.text());
    }
    first.addAll(ReportLocator.titles(main));
    for (String t : first) {
      Matcher m = years.matcher(t);
      if (m.find()) {
        return Optional.of(period(m, t.strip()));
      }
    }
    int end = span.to() < main.blocks().size() ? main.blocks().get(span.to()).start() : main.text().length();
    String report = main.text().substring(start.start(), Math.min(end, start.start() + READ));
    int bestAt = Integer.MAX_VALUE;
    Optional<Period> best = Optional.empty();
    for (Pattern p : sentences) {
      Matcher m = p.matcher(report);
      if (m.find() && m.start() < bestAt) {
        Matcher y = years.matcher(m.group("y"));
        if (y.find()) {
          bestAt = m.start();
          best = Optional.of(period(y, m.group()));
        }
      }
    }
    return best;
  }

  private static Period period(Matcher m, String text) {
    String from = m.group("from");
    String to = m.group("to") != null ? m.group("to") : from;
    return new Period(Optional.of(from), Optional.of(to), text);
  }
}
