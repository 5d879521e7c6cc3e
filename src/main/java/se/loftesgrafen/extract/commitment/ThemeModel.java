package se.loftesgrafen.extract.commitment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Decides the themes of a commitment: one logistic regression per theme over {@link ThemeFeatures}, each theme with
 * weights of its own per feature and a weight shared by all themes for the lexicon's evidence for that very theme
 * ({@code kw}, {@code imp}, {@code hkw}). A theme is assigned when its probability reaches the threshold chosen by
 * cross-validation. The weights are data ({@code extract/theme-model.tsv}, trained by {@code ThemeTraining} from
 * annotated pages: {@code loftesgrafen train --themes}); an instance is immutable and thread-safe.
 *
 * <p>File: {@code #} header lines (what produced it), {@code @threshold<TAB>T}, {@code @themes<TAB>id id ...}, then
 * {@code NAME<TAB>THEME<TAB>WEIGHT} rows: {@code @bias} per theme, a feature per theme, or a shared family
 * ({@code kw}) with theme {@code *}.
 */
public final class ThemeModel {
  static final String DEFAULT_RESOURCE = "extract/theme-model.tsv";
  static final String SHARED = "*";
  private static final String HIT = "kw:";
  /** Weights smaller than this change no probability by more than a hundredth in practice: not written. */
  static final double PRUNE = 5e-3;

  private final List<String> themes;
  private final double[] bias;
  private final Map<String, double[]> specific;
  private final Map<String, Double> shared;
  private final double threshold;
  private final List<String> header;
  /** Per feature, the weight it adds to each theme: specific and shared weights folded together for scoring. */
  private final Map<String, double[]> folded;

  /**
   * The themes of one commitment with their probabilities.
   *
   * @param themes        the theme ids assigned (probability at or above the threshold), in the model's order
   * @param probabilities every theme's probability
   * @param confidence    how sure the set is: the product of the decisions (p for a theme assigned, 1 − p for one
   *                      left out), the probability that the whole set is right if the decisions are independent.
   *                      Chosen over the least sure decision by grouped cross-validation: against "the theme set is
   *                      exactly as annotated" its Brier score was 0.237, the least sure decision's 0.292 (which
   *                      overstates: 0.85 when 0.53 were right)
   */
  public record Decision(List<String> themes, Map<String, Double> probabilities, double confidence) {
    public Decision {
      themes = List.copyOf(themes);
      probabilities = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
    }
  }

  ThemeModel(List<String> themes, double[] bias, Map<String, double[]> specific, Map<String, Double> shared,
      double threshold, List<String> header) {
    this.themes = List.copyOf(themes);
    if (bias.length != themes.size()) {
      throw new IllegalArgumentException("theme model: " + bias.length + " biases for " + themes.size() + " themes");
    }
    this.bias = bias.clone();
    Map<String, double[]> s = new HashMap<>();
    specific.forEach((k, v) -> s.put(k, v.clone()));
    this.specific = s;
    this.shared = Map.copyOf(shared);
    this.threshold = threshold;
    this.header = List.copyOf(header);
    this.folded = fold();
  }

  private Map<String, double[]> fold() {
    Map<String, double[]> out = new HashMap<>();
    specific.forEach((k, v) -> out.put(k, v.clone()));
    shared.forEach((family, w) -> {
      for (int i = 0; i < themes.size(); i++) {
        out.computeIfAbsent(family + ":" + themes.get(i), k -> new double[themes.size()])[i] += w;
      }
    });
    // A theme's bias is its base rate where the lexicon does not name it; where it does, the hit's weights decide.
    for (int i = 0; i < themes.size(); i++) {
      out.computeIfAbsent(HIT + themes.get(i), k -> new double[themes.size()])[i] -= bias[i];
    }
    return out;
  }

  private static final class Shipped {
    static final ThemeModel MODEL = readResource();
  }

  /** The model shipped in the jar, read once. */
  public static ThemeModel load() {
    return Shipped.MODEL;
  }

  private static ThemeModel readResource() {
    try (InputStream in = ThemeModel.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("theme model not on the classpath: " + DEFAULT_RESOURCE);
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read theme model " + DEFAULT_RESOURCE, e);
    }
  }

  List<String> themes() {
    return themes;
  }

  double threshold() {
    return threshold;
  }

  public List<String> header() {
    return header;
  }

  ThemeModel withThreshold(double t) {
    return new ThemeModel(themes, bias, specific, shared, t, header);
  }

  ThemeModel withHeader(List<String> h) {
    return new ThemeModel(themes, bias, specific, shared, threshold, h);
  }

  /** Every theme's probability for a commitment's features, in the order of {@link #themes()}. */
  double[] probabilities(List<String> features) {
    double[] z = bias.clone();
    for (String f : features) {
      double[] w = folded.get(f);
      if (w != null) {
        for (int i = 0; i < z.length; i++) {
          z[i] += w[i];
        }
      }
    }
    for (int i = 0; i < z.length; i++) {
      z[i] = 1 / (1 + Math.exp(-z[i]));
    }
    return z;
  }

  Decision decide(List<String> features) {
    double[] p = probabilities(features);
    List<String> assigned = new ArrayList<>();
    Map<String, Double> all = new LinkedHashMap<>();
    double confidence = 1;
    for (int i = 0; i < p.length; i++) {
      all.put(themes.get(i), p[i]);
      boolean in = p[i] >= threshold;
      if (in) {
        assigned.add(themes.get(i));
      }
      confidence *= in ? p[i] : 1 - p[i];
    }
    return new Decision(assigned, all, confidence);
  }

  /** Reads a model file (see the class comment); a malformed line stops with its number. */
  public static ThemeModel read(InputStream in) throws IOException {
    WeightsFile file = WeightsFile.read("theme model", in);
    List<String> themes = null;
    double threshold = 0.5;
    Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
    for (WeightsFile.Row row : file.rows()) {
      List<String> cols = row.cols();
      if (cols.get(0).equals("@themes") && cols.size() == 2) {
        themes = List.of(cols.get(1).strip().split("\\s+"));
      } else if (cols.get(0).equals("@threshold") && cols.size() == 2) {
        threshold = file.number(row, 1);
      } else if (cols.size() == 3) {
        rows.computeIfAbsent(cols.get(0), k -> new LinkedHashMap<>()).put(cols.get(1), file.number(row, 2));
      } else {
        throw file.malformed(row, "NAME<TAB>THEME<TAB>WEIGHT");
      }
    }
    if (themes == null) {
      throw new IOException("theme model: no @themes line");
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < themes.size(); i++) {
      index.put(themes.get(i), i);
    }
    double[] bias = new double[themes.size()];
    Map<String, double[]> specific = new HashMap<>();
    Map<String, Double> shared = new HashMap<>();
    for (Map.Entry<String, Map<String, Double>> row : rows.entrySet()) {
      for (Map.Entry<String, Double> cell : row.getValue().entrySet()) {
        if (cell.getKey().equals(SHARED)) {
          shared.put(row.getKey(), cell.getValue());
          continue;
        }
        Integer i = index.get(cell.getKey());
        if (i == null) {
          throw new IOException("theme model: " + row.getKey() + " has a weight for unknown theme " + cell.getKey());
        }
        if (row.getKey().equals("@bias")) {
          bias[i] = cell.getValue();
        } else {
          specific.computeIfAbsent(row.getKey(), k -> new double[bias.length])[i] = cell.getValue();
        }
      }
    }
    return new ThemeModel(themes, bias, specific, shared, threshold, file.header());
  }

  /** Writes the model in the form {@link #read} reads, rows sorted so that a retrain diffs well. */
  void write(Writer out) throws IOException {
    for (String h : header) {
      out.write("# " + h + "\n");
    }
    out.write("@threshold\t" + format(threshold) + "\n");
    out.write("@themes\t" + String.join(" ", themes) + "\n");
    for (int i = 0; i < themes.size(); i++) {
      out.write("@bias\t" + themes.get(i) + "\t" + format(bias[i]) + "\n");
    }
    for (Map.Entry<String, Double> e : new TreeMap<>(shared).entrySet()) {
      out.write(e.getKey() + "\t" + SHARED + "\t" + format(e.getValue()) + "\n");
    }
    for (Map.Entry<String, double[]> e : new TreeMap<>(specific).entrySet()) {
      for (int i = 0; i < themes.size(); i++) {
        if (Math.abs(e.getValue()[i]) >= PRUNE) {
          out.write(e.getKey() + "\t" + themes.get(i) + "\t" + format(e.getValue()[i]) + "\n");
        }
      }
    }
  }

  private static String format(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  @Override
  public String toString() {
    return "ThemeModel[" + themes.size() + " themes, " + specific.size() + " features, threshold "
        + threshold + "]" + (Objects.equals(header, List.of()) ? "" : " " + header.get(0));
  }
}
