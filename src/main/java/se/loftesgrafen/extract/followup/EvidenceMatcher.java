package se.loftesgrafen.extract.followup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.loftesgrafen.extract.read.Sentences;

/**
 * Ties each result to the commitment it reports on, by content, not position (the two lists of a report are
 * often in different orders, and one commitment may have two results). A commitment's content words are cut to a
 * stem and looked for inside the result, so that "Grannsamverkan" finds "grannsamverkansområden"; a stem that
 * several commitments share counts for less. In an alternating report the commitment just above a result gets a
 * bonus; two parallel lists of the same length with weak content ties are paired in order.
 */
final class EvidenceMatcher {
  private static final Pattern WORD = Pattern.compile("\\p{L}+");
  private static final int STEM = 6;
  private static final int MIN_WORD = 4;
  /** A result is tied to a commitment only above this (one stem of its own, or two shared ones). */
  static final double THRESHOLD = 0.9;
  private static final double ADJACENT = 1.0;
  /** A word this long is likely a compound: its end is a stem too ("insatsgrupper" finds "grupperna"). */
  private static final int COMPOUND = 11;
  /** A stem found in more results than this weighs less. */
  private static final double COMMON_IN_RESULTS = 1.0;
  /** Numbers and shares: a result that reports several may answer several commitments ("90 ... och 70 procent"). */
  private final Pattern counts = Pattern.compile("\\b\\d+\\s*(%|procent)");

  private final Set<String> stopWords;

  EvidenceMatcher(FollowUpRules rules) {
    this.stopWords = rules.words("stop_words");
  }

  /** For each commitment (by index) the results tied to it, in page order. */
  Map<Integer, List<Statement>> match(List<Statement> commitments, List<Statement> results) {
    Map<Integer, List<Statement>> out = new HashMap<>();
    if (commitments.isEmpty()) {
      return out;
    }
    if (parallel(commitments, results)) {
      for (int i = 0; i < commitments.size(); i++) {
        out.computeIfAbsent(i, k -> new ArrayList<>()).add(results.get(i));
      }
      return out;
    }
    List<Set<String>> stems = commitments.stream().map(c -> stems(c.text())).toList();
    Map<String, Integer> df = new HashMap<>();
    stems.forEach(s -> s.forEach(w -> df.merge(w, 1, Integer::sum)));
    List<String> scored = results.stream().map(r -> lead(r.text()).toLowerCase(Locale.ROOT)).toList();
    boolean alternating = alternating(commitments, results);
    int firstCommitment = commitments.stream().mapToInt(Statement::start).min().getAsInt();
    for (int k = 0; k < results.size(); k++) {
      Statement r = results.get(k);
      if (r.start() < firstCommitment) {
        continue;
      }
      if (r.answers() >= 0) {
        for (int i = 0; i < commitments.size(); i++) {
          if (commitments.get(i).start() == r.answers()) {
            out.computeIfAbsent(i, x -> new ArrayList<>()).add(r);
          }
        }
        continue;
      }
      double[] score = new double[commitments.size()];
      int best = -1;
      for (int i = 0; i < commitments.size(); i++) {
        for (String s : stems.get(i)) {
          if (scored.get(k).contains(s)) {
            score[i] += weight(s, df, scored);
          }
        }
        if (alternating && nearestAbove(commitments, r) == i) {
          score[i] += ADJACENT;
        }
        if (score[i] > THRESHOLD && (best < 0 || score[i] > score[best])) {
          best = i;
        }
      }
      if (best < 0) {
        continue;
      }
      boolean several = counts.matcher(r.text()).results().count() >= 2;
      for (int i = 0; i < commitments.size(); i++) {
        if (i == best || several && score[i] > THRESHOLD) {
          out.computeIfAbsent(i, x -> new ArrayList<>()).add(r);
        }
      }
    }
    return out;
  }

  /**
   * A stem's weight: shared by several commitments it tells them apart less, found in many results (the
   * municipality's name, "kommunen") it ties any result to anything.
   */
  private static double weight(String stem, Map<String, Integer> df, List<String> results) {
    long inResults = results.stream().filter(r -> r.contains(stem)).count();
    return 1.0 / df.get(stem) * Math.min(1.0, COMMON_IN_RESULTS / (double) inResults);
  }

  /** The part of a result that says what it is: its first sentence ("... Dessa har ..." follows it). */
  private static String lead(String text) {
    List<Sentences.Span> s = Sentences.split(text);
    return s.isEmpty() ? text : s.get(0).text();
  }

  /**
   * Content stems of a text: words of four letters or more, not stop words, cut to six letters; a long word's last
   * six letters too.
   */
  Set<String> stems(String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      String w = m.group();
      if (w.length() >= MIN_WORD && !stopWords.contains(w)) {
        out.add(w.length() > STEM ? w.substring(0, STEM) : w);
        if (w.length() >= COMPOUND) {
          out.add(w.substring(w.length() - STEM));
        }
      }
    }
    return out;
  }

  /** Two lists, all commitments above all results, one result under a results lead per commitment. */
  private static boolean parallel(List<Statement> commitments, List<Statement> results) {
    if (results.size() != commitments.size() || commitments.size() < 2) {
      return false;
    }
    int lastCommitment = commitments.get(commitments.size() - 1).block();
    return results.stream().allMatch(r -> r.inResults() && r.answers() < 0 && r.block() > lastCommitment);
  }

  /** Commitments and results interleave: some result stands between two commitments. */
  private static boolean alternating(List<Statement> commitments, List<Statement> results) {
    int first = commitments.get(0).block();
    int last = commitments.get(commitments.size() - 1).block();
    return results.stream().anyMatch(r -> r.block() > first && r.block() < last);
  }

  private static int nearestAbove(List<Statement> commitments, Statement r) {
    int found = -1;
    for (int i = 0; i < commitments.size(); i++) {
      if (commitments.get(i).start() < r.start()) {
        found = i;
      }
    }
    return found;
  }
}
