package se.loftesgrafen.extract.commitment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides which candidates are commitments: a logistic regression over the candidates' binary features (crossing
 * each feature with the candidate's source was tried and lost 0.01 F1 in cross-validation: too few pages for that
 * many weights). The weights are data ({@code extract/commitment-model.tsv}), trained
 * by {@link ModelTrainer} from annotated pages ({@code loftesgrafen train}); an instance is immutable.
 */
public final class CommitmentModel {
  static final String DEFAULT_RESOURCE = "extract/commitment-model.tsv";

  private final Map<String, Double> weights;
  private final double bias;
  private final double threshold;
  private final List<String> header;

  CommitmentModel(Map<String, Double> weights, double bias, double threshold, List<String> header) {
    this.weights = Map.copyOf(weights);
    this.bias = bias;
    this.threshold = threshold;
    this.header = List.copyOf(header);
  }

  /** A model without weights (everything scores 0.5): for proposing candidates before any model is trained. */
  static CommitmentModel empty() {
    return new CommitmentModel(Map.of(), 0, 1.0, List.of());
  }

  /** The model shipped in the jar. */
  public static CommitmentModel load() {
    try (InputStream in = CommitmentModel.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("commitment model not on the classpath: " + DEFAULT_RESOURCE);
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read commitment model " + DEFAULT_RESOURCE, e);
    }
  }

  /** Reads a model file: comment lines ({@code #}), then {@code threshold}, {@code bias} and feature weights. */
  public static CommitmentModel read(InputStream in) throws IOException {
    WeightsFile file = WeightsFile.read("commitment model", in);
    Map<String, Double> w = new HashMap<>();
    double b = 0;
    double t = 0.5;
    for (WeightsFile.Row row : file.rows()) {
      if (row.cols().size() != 2) {
        throw file.malformed(row, "NAME<TAB>WEIGHT");
      }
      double v = file.number(row, 1);
      switch (row.cols().get(0)) {
        case "@threshold" -> t = v;
        case "@bias" -> b = v;
        default -> w.put(row.cols().get(0), v);
      }
    }
    return new CommitmentModel(w, b, t, file.header());
  }

  /** Writes the model in the form {@link #read} reads, weights sorted by name so that a retrain diffs well. */
  void write(Writer out) throws IOException {
    for (String h : header) {
      out.write("# " + h + "\n");
    }
    out.write("@threshold\t" + format(threshold) + "\n");
    out.write("@bias\t" + format(bias) + "\n");
    for (Map.Entry<String, Double> e : new TreeMap<>(weights).entrySet()) {
      if (Math.abs(e.getValue()) >= 1e-4) {
        out.write(e.getKey() + "\t" + format(e.getValue()) + "\n");
      }
    }
  }

  private static String format(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  /** The probability that a candidate is a commitment. */
  double probability(Candidate c) {
    double z = bias;
    for (String f : c.features()) {
      Double w = weights.get(f);
      if (w != null) {
        z += w;
      }
    }
    return 1 / (1 + Math.exp(-z));
  }

  boolean accepts(Candidate c) {
    return probability(c) >= threshold;
  }

  double threshold() {
    return threshold;
  }

  CommitmentModel withThreshold(double t) {
    return new CommitmentModel(weights, bias, t, header);
  }

  Map<String, Double> weights() {
    return weights;
  }

  double bias() {
    return bias;
  }

  int size() {
    return weights.size();
  }
}
