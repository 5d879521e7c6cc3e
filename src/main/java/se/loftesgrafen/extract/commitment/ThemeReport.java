package se.loftesgrafen.extract.commitment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Prints a theme cross-validation the way the closing notes quote it: the model against the keyword lexicon on the
 * same held-out commitments, per threshold and per theme, and two reliability tables: the theme decisions (predicted
 * probability against how often the theme was annotated) and the commitment's theme confidence (against how often
 * the whole theme set was right), the latter for the two ways of combining the decisions.
 */
final class ThemeReport {
  private static final int BINS = 10;

  private ThemeReport() {}

  static String of(ThemeTraining.CrossValidation cv) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "%d-fold cross-validation over %d annotated pages (%d commitments with "
        + "theme annotation), grouped by municipality%n", cv.folds(), cv.pages(), cv.commitments()));
    s.append("model (threshold chosen inside each training part): ").append(cv.model()).append('\n');
    s.append("keyword lexicon alone:                             ").append(cv.keywords()).append('\n');
    s.append("model by fixed threshold:\n");
    cv.byThreshold().forEach((t, sc) -> s.append(String.format(Locale.ROOT, "  %.2f  %s%n", t, sc)));
    perTheme(cv, s);
    decisions(cv, s);
    confidence(cv, s);
    return s.toString();
  }

  private static void perTheme(ThemeTraining.CrossValidation cv, StringBuilder s) {
    s.append("per theme (annotated: model F1 / keywords F1):\n");
    List<String> themes = cv.themes();
    for (int i = 0; i < themes.size(); i++) {
      String t = themes.get(i);
      ThemeTraining.Score m = new ThemeTraining.Score(0, 0, 0);
      ThemeTraining.Score k = new ThemeTraining.Score(0, 0, 0);
      for (ThemeTraining.HeldOut h : cv.heldOut()) {
        Set<String> gold = h.c().gold().contains(t) ? Set.of(t) : Set.of();
        m = m.plus(h.p()[i] >= h.threshold() ? Set.of(t) : Set.of(), gold);
        k = k.plus(h.c().keyword().contains(t) ? Set.of(t) : Set.of(), gold);
      }
      if (m.annotated() + m.predicted() + k.predicted() > 0) {
        s.append(String.format(Locale.ROOT, "  %-26s %3d: %.2f (P %.2f R %.2f) / %.2f (P %.2f R %.2f)%n", t,
            m.annotated(), m.f1(), m.precision(), m.recall(), k.f1(), k.precision(), k.recall()));
      }
    }
  }

  private static void decisions(ThemeTraining.CrossValidation cv, StringBuilder s) {
    int[] n = new int[BINS];
    double[] sumP = new double[BINS];
    int[] yes = new int[BINS];
    double brier = 0;
    int total = 0;
    for (ThemeTraining.HeldOut h : cv.heldOut()) {
      for (int i = 0; i < h.p().length; i++) {
        boolean y = h.c().gold().contains(cv.themes().get(i));
        int b = Math.min(BINS - 1, (int) (h.p()[i] * BINS));
        n[b]++;
        sumP[b] += h.p()[i];
        yes[b] += y ? 1 : 0;
        brier += Math.pow(h.p()[i] - (y ? 1 : 0), 2);
        total++;
      }
    }
    s.append(String.format(Locale.ROOT, "reliability of the theme decisions (held-out, %d commitment x theme "
        + "pairs, Brier %.4f):%n  p bin      pairs  mean p  annotated%n", total, brier / total));
    for (int b = 0; b < BINS; b++) {
      if (n[b] > 0) {
        s.append(String.format(Locale.ROOT, "  %.1f-%.1f  %7d  %.3f   %.3f%n", b / (double) BINS,
            (b + 1) / (double) BINS, n[b], sumP[b] / n[b], yes[b] / (double) n[b]));
      }
    }
  }

  private static void confidence(ThemeTraining.CrossValidation cv, StringBuilder s) {
    for (String how : List.of("least sure decision", "product of decisions")) {
      int[] n = new int[BINS];
      double[] sum = new double[BINS];
      int[] right = new int[BINS];
      double brier = 0;
      for (ThemeTraining.HeldOut h : cv.heldOut()) {
        double c = 1;
        boolean exact = assigned(cv, h).equals(h.c().gold());
        for (double p : h.p()) {
          double sure = p >= h.threshold() ? p : 1 - p;
          c = how.startsWith("least") ? Math.min(c, sure) : c * sure;
        }
        int b = Math.min(BINS - 1, (int) (c * BINS));
        n[b]++;
        sum[b] += c;
        right[b] += exact ? 1 : 0;
        brier += Math.pow(c - (exact ? 1 : 0), 2);
      }
      s.append(String.format(Locale.ROOT, "reliability of the commitment's theme confidence as the %s (held-out, "
          + "%d commitments, Brier %.4f; right = theme set exactly as annotated):%n  conf bin  commitments  mean  "
          + "right%n", how, cv.heldOut().size(), brier / cv.heldOut().size()));
      for (int b = 0; b < BINS; b++) {
        if (n[b] > 0) {
          s.append(String.format(Locale.ROOT, "  %.1f-%.1f  %11d  %.3f  %.3f%n", b / (double) BINS,
              (b + 1) / (double) BINS, n[b], sum[b] / n[b], right[b] / (double) n[b]));
        }
      }
    }
  }

  private static Set<String> assigned(ThemeTraining.CrossValidation cv, ThemeTraining.HeldOut h) {
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < h.p().length; i++) {
      if (h.p()[i] >= h.threshold()) {
        out.add(cv.themes().get(i));
      }
    }
    return out;
  }

  static String errors(ThemeTraining.CrossValidation cv) {
    List<String> out = new ArrayList<>();
    for (ThemeTraining.HeldOut h : cv.heldOut()) {
      Set<String> got = assigned(cv, h);
      if (!got.equals(h.c().gold())) {
        String text = h.c().text().length() > 90 ? h.c().text().substring(0, 90) + "…" : h.c().text();
        out.add(h.c().page() + "  want " + new TreeSet<>(h.c().gold()) + " got " + new TreeSet<>(got) + " kw "
            + new TreeSet<>(h.c().keyword()) + ": " + text);
      }
    }
    return String.join("\n", out) + "\n";
  }
}
