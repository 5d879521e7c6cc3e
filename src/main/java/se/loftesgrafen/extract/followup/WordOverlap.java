package se.loftesgrafen.extract.followup;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Word overlap of two texts (Dice over their lower-case word sets), as the scorers match items. */
final class WordOverlap {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private WordOverlap() {}

  static double dice(String a, String b) {
    Set<String> x = words(a);
    Set<String> y = words(b);
    if (x.isEmpty() || y.isEmpty()) {
      return 0;
    }
    int common = 0;
    for (String w : x) {
      if (y.contains(w)) {
        common++;
      }
    }
    return 2.0 * common / (x.size() + y.size());
  }

  static Set<String> words(String s) {
    Set<String> out = new HashSet<>();
    Matcher m = WORD.matcher(s.toLowerCase(Locale.ROOT));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
