package se.loftesgrafen.extract.commitment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains a {@link CommitmentModel}: L2-regularised logistic regression by AdaGrad over labelled candidates, in a
 * fixed order (seeded shuffles), so the same examples always give the same weights. Features seen fewer than
 * {@link #MIN_COUNT} times get no weight: a word that occurs on one page says nothing about the genre.
 */
final class ModelTrainer {
  static final int MIN_COUNT = 3;
  private final int epochs;
  private final double l2;
  private final double rate;

  /** One training example: a candidate's (expanded) features and whether it is a commitment. */
  record Example(List<String> features, boolean positive) {}

  ModelTrainer() {
    this(40, 1e-2, 0.3);
  }

  ModelTrainer(int epochs, double l2, double rate) {
    this.epochs = epochs;
    this.l2 = l2;
    this.rate = rate;
  }

  static Example example(Candidate c, boolean positive) {
    return new Example(c.features(), positive);
  }

  CommitmentModel train(List<Example> examples, double threshold, List<String> header) {
    Map<String, Integer> counts = new HashMap<>();
    for (Example e : examples) {
      for (String f : e.features()) {
        counts.merge(f, 1, Integer::sum);
      }
    }
    Map<String, Integer> index = new HashMap<>();
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() >= MIN_COUNT) {
        index.put(e.getKey(), index.size());
      }
    }
    int[][] rows = new int[examples.size()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = examples.get(i).features().stream().filter(index::containsKey).mapToInt(index::get).distinct().toArray();
    }
    double[] w = new double[index.size()];
    double[] g2 = new double[index.size()];
    double bias = 0;
    double biasG2 = 0;
    int[] order = new int[rows.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Random random = new Random(20261129L);
    for (int epoch = 0; epoch < epochs; epoch++) {
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (int k : order) {
        double z = bias;
        for (int f : rows[k]) {
          z += w[f];
        }
        double p = 1 / (1 + Math.exp(-z));
        double err = p - (examples.get(k).positive() ? 1 : 0);
        biasG2 += err * err;
        bias -= rate * err / Math.sqrt(biasG2 + 1e-8);
        for (int f : rows[k]) {
          double g = err + l2 * w[f];
          g2[f] += g * g;
          w[f] -= rate * g / Math.sqrt(g2[f] + 1e-8);
        }
      }
    }
    Map<String, Double> weights = new HashMap<>();
    index.forEach((name, i) -> weights.put(name, w[i]));
    return new CommitmentModel(weights, bias, threshold, new ArrayList<>(header));
  }
}
