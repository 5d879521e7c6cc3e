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
 * Decides which candidates are commitments: a linear-chain CRF over a page's candidates in reading order, whose
 * local scores are a weighted sum of the candidates' binary features, and whose four label-to-label weights let a
 * candidate's neighbours count (without them it is a logistic regression, as the actor confidence uses it). Crossing
 * each feature with the candidate's source was tried and lost 0.01 F1 in cross-validation: too few pages for that
 * many weights. The weights are data ({@code extract/commitment-model.tsv}), trained by {@link ChainTrainer} (Tribuo)
 * from annotated pages ({@code loftesgrafen train}); an instance is immutable.
 */
public final class CommitmentModel {
  static final String DEFAULT_RESOURCE = "extract/commitment-model.tsv";

  private final Map<String, Double> weights;
  private final double bias;
  private final double threshold;
  private final List<String> header;
  /** Label-to-label weights of the chain, indexed {@link #NO_NO}, {@link #NO_YES}, {@link #YES_NO}, {@link #YES_YES}. */
  private final double[] transitions;
  static final int NO_NO = 0;
  static final int NO_YES = 1;
  static final int YES_NO = 2;
  static final int YES_YES = 3;
  private static final String[] TRANSITION_NAMES = {"@transition.no.no", "@transition.no.yes", "@transition.yes.no",
      "@transition.yes.yes"};

  CommitmentModel(Map<String, Double> weights, double bias, double threshold, List<String> header) {
    this(weights, bias, threshold, header, new double[4]);
  }

  CommitmentModel(Map<String, Double> weights, double bias, double threshold, List<String> header,
      double[] transitions) {
    this.weights = Map.copyOf(weights);
    this.bias = bias;
    this.threshold = threshold;
    this.header = List.copyOf(header);
    this.transitions = transitions.clone();
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
    double[] chain = new double[4];
    for (WeightsFile.Row row : file.rows()) {
      if (row.cols().size() != 2) {
        throw file.malformed(row, "NAME<TAB>WEIGHT");
      }
      double v = file.number(row, 1);
      switch (row.cols().get(0)) {
        case "@threshold" -> t = v;
        case "@bias" -> b = v;
        default -> {
          int k = List.of(TRANSITION_NAMES).indexOf(row.cols().get(0));
          if (k >= 0) {
            chain[k] = v;
          } else {
            w.put(row.cols().get(0), v);
          }
        }
      }
    }
    return new CommitmentModel(w, b, t, file.header(), chain);
  }

  /** Writes the model in the form {@link #read} reads, weights sorted by name so that a retrain diffs well. */
  void write(Writer out) throws IOException {
    for (String h : header) {
      out.write("# " + h + "\n");
    }
    out.write("@threshold\t" + format(threshold) + "\n");
    out.write("@bias\t" + format(bias) + "\n");
    if (isChain()) {
      for (int k = 0; k < 4; k++) {
        out.write(TRANSITION_NAMES[k] + "\t" + format(transitions[k]) + "\n");
      }
    }
    for (Map.Entry<String, Double> e : new TreeMap<>(weights).entrySet()) {
      if (Math.abs(e.getValue()) >= 1e-4) {
        out.write(e.getKey() + "\t" + format(e.getValue()) + "\n");
      }
    }
  }

  private static String format(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  /** The probability that a candidate is a commitment, read alone (without its neighbours on the page). */
  double probability(Candidate c) {
    return 1 / (1 + Math.exp(-score(c)));
  }

  private double score(Candidate c) {
    double z = bias;
    for (String f : c.features()) {
      Double w = weights.get(f);
      if (w != null) {
        z += w;
      }
    }
    return z;
  }

  /** Whether the model is a linear chain (its decisions depend on the neighbouring candidates). */
  boolean isChain() {
    for (double t : transitions) {
      if (t != 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The probability of each candidate of a page (in reading order) being a commitment: for a chain model the
   * marginals of the linear chain (forward-backward over the two labels), else each read alone.
   */
  double[] probabilities(List<Candidate> page) {
    int n = page.size();
    double[] p = new double[n];
    if (!isChain()) {
      for (int i = 0; i < n; i++) {
        p[i] = probability(page.get(i));
      }
      return p;
    }
    double[] local = new double[n];
    for (int i = 0; i < n; i++) {
      local[i] = score(page.get(i));
    }
    // log-space forward (alpha) and backward (beta) messages; label 0 = no (local score 0), 1 = yes
    double[][] alpha = new double[n][2];
    double[][] beta = new double[n][2];
    for (int i = 0; i < n; i++) {
      alpha[i][0] = 0;
      alpha[i][1] = local[i];
      if (i > 0) {
        alpha[i][0] += logSum(alpha[i - 1][0] + transitions[NO_NO], alpha[i - 1][1] + transitions[YES_NO]);
        alpha[i][1] += logSum(alpha[i - 1][0] + transitions[NO_YES], alpha[i - 1][1] + transitions[YES_YES]);
      }
    }
    for (int i = n - 2; i >= 0; i--) {
      beta[i][0] = logSum(transitions[NO_NO] + beta[i + 1][0], transitions[NO_YES] + local[i + 1] + beta[i + 1][1]);
      beta[i][1] = logSum(transitions[YES_NO] + beta[i + 1][0], transitions[YES_YES] + local[i + 1] + beta[i + 1][1]);
    }
    for (int i = 0; i < n; i++) {
      double yes = alpha[i][1] + beta[i][1];
      double no = alpha[i][0] + beta[i][0];
      p[i] = 1 / (1 + Math.exp(no - yes));
    }
    return p;
  }

  private static double logSum(double a, double b) {
    double m = Math.max(a, b);
    return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
  }

  double threshold() {
    return threshold;
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
