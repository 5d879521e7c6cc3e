package se.loftesgrafen.extract.commitment;

/**
 * Precision, recall and F1 of a count of matches against what was predicted and what was annotated: the measures
 * every evaluation of the extractor reports (commitments, themes), computed in one place.
 */
public interface PrecisionRecall {
  int tp();

  int predicted();

  int annotated();

  default double precision() {
    return predicted() == 0 ? 0 : (double) tp() / predicted();
  }

  default double recall() {
    return annotated() == 0 ? 0 : (double) tp() / annotated();
  }

  default double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
