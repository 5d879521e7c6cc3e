package se.loftesgrafen.extract.commitment;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Pairs found texts with annotated ones the way the evaluation does: one-to-one by word overlap (Dice coefficient
 * of the word sets, at least {@link #THRESHOLD}), best pairs first.
 */
public final class CommitmentMatch {
  static final double THRESHOLD = 0.6;

  private CommitmentMatch() {}

  /** For each found text, the index of the annotated text it is paired with, or -1. */
  public static int[] pair(List<String> found, List<String> gold) {
    List<Set<String>> f = found.stream().map(CommitmentMatch::words).toList();
    List<Set<String>> g = gold.stream().map(CommitmentMatch::words).toList();
    List<double[]> scored = new ArrayList<>();
    for (int i = 0; i < g.size(); i++) {
      for (int j = 0; j < f.size(); j++) {
        double d = dice(g.get(i), f.get(j));
        if (d >= THRESHOLD) {
          scored.add(new double[] {d, i, j});
        }
      }
    }
    scored.sort(Comparator.<double[]>comparingDouble(s -> -s[0]).thenComparingDouble(s -> s[1])
        .thenComparingDouble(s -> s[2]));
    int[] out = new int[found.size()];
    Arrays.fill(out, -1);
    boolean[] goldUsed = new boolean[gold.size()];
    for (double[] s : scored) {
      int i = (int) s[1];
      int j = (int) s[2];
      if (!goldUsed[i] && out[j] < 0) {
        goldUsed[i] = true;
        out[j] = i;
      }
    }
    return out;
  }

  static Set<String> words(String s) {
    String n = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    Set<String> out = new HashSet<>();
    for (String w : n.split("[^\\p{L}\\p{N}_]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  static double dice(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    int common = 0;
    for (String w : a) {
      common += b.contains(w) ? 1 : 0;
    }
    return 2.0 * common / (a.size() + b.size());
  }
}
