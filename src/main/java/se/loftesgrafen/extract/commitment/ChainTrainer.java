package se.loftesgrafen.extract.commitment;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.crf.CRFModel;
import org.tribuo.classification.sgd.crf.CRFParameters;
import org.tribuo.classification.sgd.crf.CRFTrainer;
import org.tribuo.classification.sgd.protos.CRFModelProto;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.protos.ProtoUtil;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.sequence.MutableSequenceDataset;
import org.tribuo.sequence.SequenceExample;

/**
 * Trains the commitment decision as a linear-chain CRF over each page's candidates in reading order (Tribuo's
 * {@link CRFTrainer}, AdaGrad), so a candidate's label also depends on its neighbours' (an item in a run of
 * commitments, a problem in a list of problems). The fitted weights are exported to a {@link CommitmentModel}:
 * per feature the difference of its "yes" and "no" weights, and the four label-to-label weights, which give the
 * same marginals as Tribuo's model (the "no" score can be subtracted at every position) and need no library at
 * extraction time. Features seen fewer than {@link #MIN_COUNT} times are left out, as for the
 * logistic regression.
 */
final class ChainTrainer {
  /** A word that occurs on one page says nothing about the genre: features seen fewer times get no weight. */
  static final int MIN_COUNT = 3;
  private static final String YES = "yes";
  private static final String NO = "no";
  private static final long SEED = 20261208L;

  private final int epochs;
  private final double rate;

  /** One training example: a candidate's features and whether it is a commitment (or whatever is being learned). */
  record Example(List<String> features, boolean positive) {
    Example {
      features = List.copyOf(features);
    }

    static Example of(Candidate c, boolean positive) {
      return new Example(c.features(), positive);
    }
  }

  /** The trainer of the commitment chain, as cross-validation chose it (8 epochs, AdaGrad rate 0.05). */
  static ChainTrainer forCommitments() {
    return new ChainTrainer(8, 0.05);
  }

  /** The trainer of the actor confidence, as cross-validation chose it for calibration (3 epochs, rate 0.05). */
  static ChainTrainer forActors() {
    return new ChainTrainer(3, 0.05);
  }

  String description() {
    return "Tribuo " + org.tribuo.Tribuo.VERSION + " CRFTrainer, AdaGrad rate " + rate + ", " + epochs + " epochs, seed "
        + SEED + ", features seen < " + MIN_COUNT + " times dropped";
  }

  ChainTrainer(int epochs, double rate) {
    this.epochs = epochs;
    this.rate = rate;
  }

  /** Fits a chain model on pages of examples, each page's examples in reading order. */
  CommitmentModel train(List<List<Example>> pages, double threshold, List<String> header) {
    Map<String, Integer> counts = new HashMap<>();
    for (List<Example> page : pages) {
      for (Example e : page) {
        e.features().stream().distinct().forEach(f -> counts.merge(f, 1, Integer::sum));
      }
    }
    LabelFactory labels = new LabelFactory();
    MutableSequenceDataset<Label> data = new MutableSequenceDataset<>(
        new SimpleDataSourceProvenance("annotated medborgarlöfte pages", labels), labels);
    for (List<Example> page : pages) {
      List<org.tribuo.Example<Label>> sequence = new ArrayList<>();
      for (Example e : page) {
        sequence.add(example(e, counts));
      }
      if (!sequence.isEmpty()) {
        data.add(new SequenceExample<>(sequence));
      }
    }
    long positives = pages.stream().flatMap(List::stream).filter(Example::positive).count();
    long all = pages.stream().mapToLong(List::size).sum();
    if (positives == 0 || positives == all) {
      // one label only: nothing to separate, the model says the (smoothed) share of positives for every candidate
      double share = (positives + 1.0) / (all + 2.0);
      return new CommitmentModel(Map.of(), Math.log(share / (1 - share)), threshold, new ArrayList<>(header));
    }
    Logger.getLogger(CRFTrainer.class.getName()).setLevel(Level.WARNING);
    CRFModel crf = (CRFModel) new CRFTrainer(new AdaGrad(rate, 0.1), epochs, Integer.MAX_VALUE, SEED).train(data);
    return export(crf, threshold, header);
  }

  /**
   * Fits a logistic regression: the chain over examples that stand alone (sequences of one, so no transition is
   * ever used), which is Tribuo's multinomial logistic regression over the two labels.
   */
  CommitmentModel trainIndependent(List<Example> examples, double threshold, List<String> header) {
    return train(examples.stream().map(List::of).toList(), threshold, header);
  }

  /** A candidate as Tribuo sees it: its kept features, each 1, and a constant so that no candidate is empty. */
  private static org.tribuo.Example<Label> example(Example e, Map<String, Integer> counts) {
    List<String> names = new ArrayList<>();
    names.add("@always");
    e.features().stream().distinct().filter(f -> counts.get(f) >= MIN_COUNT).forEach(names::add);
    double[] ones = new double[names.size()];
    java.util.Arrays.fill(ones, 1.0);
    return new ArrayExample<>(new Label(e.positive() ? YES : NO), names.toArray(new String[0]), ones);
  }

  private static CommitmentModel export(CRFModel crf, double threshold, List<String> header) {
    CRFParameters parameters;
    try {
      CRFModelProto proto = crf.serialize().getSerializedData().unpack(CRFModelProto.class);
      parameters = (CRFParameters) ProtoUtil.deserialize(proto.getParams());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("cannot read the trained CRF's parameters", e);
    }
    Tensor[] w = parameters.get();
    DenseVector biases = (DenseVector) w[0];
    DenseMatrix featureLabel = (DenseMatrix) w[1];
    DenseMatrix labelLabel = (DenseMatrix) w[2];
    int yes = crf.getOutputIDInfo().getID(new Label(YES));
    int no = crf.getOutputIDInfo().getID(new Label(NO));
    ImmutableFeatureMap features = crf.getFeatureIDMap();
    Map<String, Double> weights = new HashMap<>();
    double always = 0;
    for (VariableInfo v : features) {
      int id = features.getID(v.getName());
      double d = featureLabel.get(yes, id) - featureLabel.get(no, id);
      if (v.getName().equals("@always")) {
        always = d;
      } else {
        weights.put(v.getName(), d);
      }
    }
    double bias = biases.get(yes) - biases.get(no) + always;
    double[] transitions = new double[4];
    transitions[CommitmentModel.NO_NO] = labelLabel.get(no, no);
    transitions[CommitmentModel.NO_YES] = labelLabel.get(no, yes);
    transitions[CommitmentModel.YES_NO] = labelLabel.get(yes, no);
    transitions[CommitmentModel.YES_YES] = labelLabel.get(yes, yes);
    return new CommitmentModel(weights, bias, threshold, new ArrayList<>(header), transitions);
  }
}
