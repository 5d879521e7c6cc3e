package se.loftesgrafen.extract.commitment;

import java.util.Locale;

/**
 * A reliability table: predicted probabilities in bins of a tenth against how often what they predicted held, with
 * the expected calibration error (the bins' gaps weighted by their size). Filled from held-out folds, it says
 * whether a confidence of 0.8 is right four times in five.
 */
final class Reliability {
  private static final int BINS = 10;
  private final int[] n = new int[BINS];
  private final int[] hits = new int[BINS];
  private final double[] sum = new double[BINS];

  void add(double p, boolean held) {
    int b = Math.min(BINS - 1, Math.max(0, (int) (p * BINS)));
    n[b]++;
    hits[b] += held ? 1 : 0;
    sum[b] += p;
  }

  int count() {
    int total = 0;
    for (int k : n) {
      total += k;
    }
    return total;
  }

  /** The expected calibration error: mean |predicted − observed| over the bins, weighted by their counts. */
  double calibrationError() {
    int total = count();
    double e = 0;
    for (int b = 0; b < BINS; b++) {
      if (n[b] > 0) {
        e += n[b] * Math.abs(sum[b] / n[b] - (double) hits[b] / n[b]);
      }
    }
    return total == 0 ? 0 : e / total;
  }

  String table() {
    StringBuilder s = new StringBuilder("  bin        n   mean p   observed\n");
    for (int b = 0; b < BINS; b++) {
      if (n[b] > 0) {
        s.append(String.format(Locale.ROOT, "  %.1f–%.1f %5d   %.3f    %.3f%n", b / 10.0, (b + 1) / 10.0, n[b],
            sum[b] / n[b], (double) hits[b] / n[b]));
      }
    }
    s.append(String.format(Locale.ROOT, "  expected calibration error %.3f over %d%n", calibrationError(), count()));
    return s.toString();
  }
}
