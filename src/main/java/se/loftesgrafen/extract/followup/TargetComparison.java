package se.loftesgrafen.extract.followup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers against the promised target: "minst sex riktade insatser" against "Elva riktade narkotikainsatser" is
 * met, three of four is not. A target counted per week or month cannot be compared with a bare total
 * ("62 trafikkontroller" against "minst en per vecka"): the report lacks the period to count over.
 */
final class TargetComparison {
  /** What a comparison says. */
  enum Outcome { MET, SHORT, NONE_DONE, NO_BASIS, NOT_COMPARABLE }

  /** A count in a text: its value and the words after it. */
  record Count(int value, String what) {}

  private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");
  private static final Pattern NOT_A_COUNT = Pattern.compile(
      "^(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|procent|år|års|"
          + "kl|timmar|minuter|km|veckor|veckorna|vecka|månader|dagar|gånger per|årskurs)\\b",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final int STEM = 5;

  private final Pattern count;
  private final Pattern rate;
  private final Map<String, Integer> numberWords;

  TargetComparison(FollowUpRules rules) {
    this.count = rules.pattern("target");
    this.rate = rules.pattern("rate");
    this.numberWords = rules.numberWords();
  }

  /** The promised count and the reported one compared. */
  Outcome compare(String commitment, List<String> evidence) {
    Optional<Count> target = counts(commitment).stream().findFirst();
    if (target.isEmpty()) {
      return Outcome.NO_BASIS;
    }
    List<Count> reported = new ArrayList<>();
    evidence.forEach(e -> reported.addAll(counts(e)));
    if (reported.isEmpty()) {
      return Outcome.NO_BASIS;
    }
    boolean perPeriod = rate.matcher(commitment).find();
    if (perPeriod && evidence.stream().noneMatch(e -> rate.matcher(e).find())) {
      return Outcome.NOT_COMPARABLE;
    }
    int done = reported.stream().filter(c -> sameThing(target.get().what(), c.what())).mapToInt(Count::value)
        .max().orElse(reported.stream().mapToInt(Count::value).max().getAsInt());
    if (done >= target.get().value()) {
      return Outcome.MET;
    }
    return done == 0 ? Outcome.NONE_DONE : Outcome.SHORT;
  }

  /** The counts of a text, in order (years, dates, durations and percentages are not counts). */
  List<Count> counts(String text) {
    List<Count> out = new ArrayList<>();
    Matcher m = count.matcher(text);
    while (m.find()) {
      String n = m.group("n").toLowerCase(Locale.ROOT);
      String what = m.group("what") == null ? "" : m.group("what");
      if (YEAR.matcher(n).matches() || NOT_A_COUNT.matcher(what).find()) {
        continue;
      }
      Integer v = n.chars().allMatch(Character::isDigit) ? Integer.valueOf(n) : numberWords.get(n);
      if (v != null && v < 100_000) {
        out.add(new Count(v, what));
      }
    }
    return out;
  }

  /** The words after two counts share a stem ("riktade insatser" and "riktade narkotikainsatser"). */
  private static boolean sameThing(String a, String b) {
    String lb = b.toLowerCase(Locale.ROOT);
    for (String w : a.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      if (w.length() >= STEM && lb.contains(w.substring(0, STEM))) {
        return true;
      }
    }
    for (String w : lb.split("[^\\p{L}]+")) {
      if (w.length() >= 2 * STEM && a.toLowerCase(Locale.ROOT).contains(w.substring(w.length() - STEM))) {
        return true;
      }
    }
    return false;
  }
}
