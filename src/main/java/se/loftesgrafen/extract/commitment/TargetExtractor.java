package se.loftesgrafen.extract.commitment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.loftesgrafen.extract.Commitment.Target;
import se.loftesgrafen.extract.ExtractionRules;

/**
 * Measurable targets in a commitment ("minst fem personer för narkotikabrott", "vid minst tre tillfällen",
 * "två gånger per år", "minst 900 timmar per år"), by the target patterns and number words of the rules.
 */
public final class TargetExtractor {
  private final List<Pattern> patterns;
  private final Map<String, Integer> numberWords;

  /** The target patterns and number words of the rules. */
  public TargetExtractor(ExtractionRules rules) {
    this.patterns = rules.patterns("targets");
    this.numberWords = rules.intMap("number_words");
  }

  List<Target> extract(String text) {
    List<Target> out = new ArrayList<>();
    for (Pattern p : patterns) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        String qualifier = m.group(1);
        String rest = m.group(4) == null ? "" : m.group(4).strip();
        // A bare number ("i åldern 15-25 år") is no target; a qualifier or a rate ("per år") makes one.
        if (qualifier == null && !rest.matches("(?i)^(per|i|om|varje|under)\\s.*") && !m.group(3).matches("(?i)gånger|tillfällen")) {
          continue;
        }
        double q = quantity(m.group(2));
        String unit = m.group(3).toLowerCase(Locale.ROOT);
        String counted = rest.isEmpty() ? unit : unit + " " + rest;
        out.add(new Target(q, unit, counted, m.group().strip()));
      }
    }
    return out;
  }

  private double quantity(String s) {
    Integer w = numberWords.get(s.toLowerCase(Locale.ROOT));
    if (w != null) {
      return w;
    }
    return Double.parseDouble(s.replace(',', '.'));
  }
}
