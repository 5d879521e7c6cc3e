package se.loftesgrafen.extract.commitment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * How likely the actors read for a commitment are exactly right: a logistic regression over {@link ActorFeatures},
 * trained on the annotated pages' commitments ({@code loftesgrafen train}). The actors themselves come from the
 * reading of subjects, tags and headings ({@link ActorResolver}): a model that chose them per actor from the same
 * evidence was tried and lost to that reading in grouped cross-validation (0.81 against 0.86 exact), so the model
 * says how sure to be of the reading instead. The weights are data ({@code extract/actor-model.tsv}, the form of
 * {@link CommitmentModel}); an instance is immutable.
 */
public final class ActorModel {
  static final String DEFAULT_RESOURCE = "extract/actor-model.tsv";

  private final CommitmentModel regression;

  ActorModel(CommitmentModel regression) {
    this.regression = regression;
  }

  /** A model without weights (every reading 0.5): before any training. */
  public static ActorModel empty() {
    return new ActorModel(CommitmentModel.empty());
  }

  /** The probability that the actors read for {@code c} are exactly the annotated ones. */
  double confidence(Candidate c, ActorFeatures features) {
    return regression.probability(c.withFeatures(features.of(c)));
  }

  /** The model shipped in the jar. */
  public static ActorModel load() {
    try (InputStream in = ActorModel.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("actor model not on the classpath: " + DEFAULT_RESOURCE);
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read actor model " + DEFAULT_RESOURCE, e);
    }
  }

  /** The actor model of a weights file ({@code train --out DIR}, read by {@code extract --models DIR}). */
  public static ActorModel read(InputStream in) throws IOException {
    return new ActorModel(CommitmentModel.read(in));
  }

  void write(Writer out) throws IOException {
    regression.write(out);
  }

  ActorModel withHeader(List<String> header) {
    return new ActorModel(new CommitmentModel(regression.weights(), regression.bias(), regression.threshold(), header));
  }

  Map<String, Double> weights() {
    return regression.weights();
  }
}
