package se.loftesgrafen.extract.commitment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Trains a {@link ThemeModel}: one L2-regularised logistic regression per theme, fitted together by AdaGrad over
 * the annotated commitments in a seeded order (the same examples always give the same weights). Per-theme weights
 * for every feature seen at least {@link #MIN_COUNT} times, and one weight per lexicon family shared by all themes
 * (see {@link ThemeFeatures}).
 */
final class ThemeTrainer {
  static final int MIN_COUNT = 2;
  static final long SEED = 20261207L;
  /** Feature families whose weight is also shared by all themes: "the lexicon says this very theme". */
  static final List<String> SHARED_FAMILIES = List.of("kw", "imp", "hkw");

  private final int epochs;
  private final double l2;
  private final double rate;

  /** One training example: a commitment's features and the theme ids the annotator gave it. */
  record Example(List<String> features, Set<String> themes) {
    Example {
      features = List.copyOf(features);
      themes = Set.copyOf(themes);
    }
  }

  ThemeTrainer() {
    this(30, 0.1, 0.2);
  }

  ThemeTrainer(int epochs, double l2, double rate) {
    this.epochs = epochs;
    this.l2 = l2;
    this.rate = rate;
  }

  String description() {
    return "AdaGrad logistic regression, " + epochs + " epochs, L2 " + l2 + ", rate " + rate + ", seed " + SEED
        + ", features seen < " + MIN_COUNT + " times dropped";
  }

  ThemeModel train(List<String> themes, List<Example> examples, double threshold, List<String> header) {
    int nt = themes.size();
    Map<String, Integer> themeIndex = new HashMap<>();
    for (int i = 0; i < nt; i++) {
      themeIndex.put(themes.get(i), i);
    }
    Map<String, Integer> counts = new HashMap<>();
    examples.forEach(e -> e.features().stream().distinct().forEach(f -> counts.merge(f, 1, Integer::sum)));
    List<String> names = counts.entrySet().stream().filter(e -> e.getValue() >= MIN_COUNT).map(Map.Entry::getKey)
        .sorted().toList();
    Map<String, Integer> index = new HashMap<>();
    names.forEach(n -> index.put(n, index.size()));
    int[][] rows = new int[examples.size()][];
    int[][][] sharedHits = new int[examples.size()][SHARED_FAMILIES.size()][];
    boolean[][] gold = new boolean[examples.size()][nt];
    boolean[][] kwHit = new boolean[examples.size()][nt];
    for (int k = 0; k < rows.length; k++) {
      Example e = examples.get(k);
      rows[k] = e.features().stream().filter(index::containsKey).mapToInt(index::get).distinct().toArray();
      for (int s = 0; s < SHARED_FAMILIES.size(); s++) {
        String prefix = SHARED_FAMILIES.get(s) + ":";
        sharedHits[k][s] = e.features().stream().filter(f -> f.startsWith(prefix))
            .map(f -> themeIndex.get(f.substring(prefix.length()))).filter(java.util.Objects::nonNull)
            .mapToInt(Integer::intValue).distinct().toArray();
      }
      for (int t : sharedHits[k][0]) {
        kwHit[k][t] = true;
      }
      for (String t : e.themes()) {
        Integer i = themeIndex.get(t);
        if (i != null) {
          gold[k][i] = true;
        }
      }
    }
    double[][] w = new double[names.size()][nt];
    double[][] g2 = new double[names.size()][nt];
    double[] bias = new double[nt];
    double[] biasG2 = new double[nt];
    double[] sw = new double[SHARED_FAMILIES.size()];
    double[] sg2 = new double[SHARED_FAMILIES.size()];
    int[] order = new int[rows.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Random random = new Random(SEED);
    double[] err = new double[nt];
    for (int epoch = 0; epoch < epochs; epoch++) {
      shuffle(order, random);
      for (int k : order) {
        boolean[] hit = kwHit[k];
        for (int t = 0; t < nt; t++) {
          double z = hit[t] ? 0 : bias[t];
          for (int f : rows[k]) {
            z += w[f][t];
          }
          err[t] = z;
        }
        for (int s = 0; s < sw.length; s++) {
          for (int t : sharedHits[k][s]) {
            err[t] += sw[s];
          }
        }
        for (int t = 0; t < nt; t++) {
          err[t] = 1 / (1 + Math.exp(-err[t])) - (gold[k][t] ? 1 : 0);
          if (!hit[t]) {
            biasG2[t] += err[t] * err[t];
            bias[t] -= rate * err[t] / Math.sqrt(biasG2[t] + 1e-8);
          }
        }
        for (int f : rows[k]) {
          for (int t = 0; t < nt; t++) {
            double g = err[t] + l2 * w[f][t];
            g2[f][t] += g * g;
            w[f][t] -= rate * g / Math.sqrt(g2[f][t] + 1e-8);
          }
        }
        for (int s = 0; s < sw.length; s++) {
          if (sharedHits[k][s].length == 0) {
            continue;
          }
          double g = l2 * sw[s];
          for (int t : sharedHits[k][s]) {
            g += err[t];
          }
          sg2[s] += g * g;
          sw[s] -= rate * g / Math.sqrt(sg2[s] + 1e-8);
        }
      }
    }
    Map<String, double[]> specific = new HashMap<>();
    for (int f = 0; f < names.size(); f++) {
      specific.put(names.get(f), w[f]);
    }
    Map<String, Double> shared = new HashMap<>();
    for (int s = 0; s < sw.length; s++) {
      shared.put(SHARED_FAMILIES.get(s), sw[s]);
    }
    return new ThemeModel(themes, bias, specific, shared, threshold, header);
  }

  private static void shuffle(int[] order, Random random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }
}
