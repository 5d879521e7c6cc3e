package se.loftesgrafen.extract.commitment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import se.loftesgrafen.extract.Commitment;
import se.loftesgrafen.extract.Commitment.Kind;
import se.loftesgrafen.extract.ExtractionRules;
import se.loftesgrafen.extract.read.MainText;

/**
 * Finds the undertakings of a page: {@link CommitmentCandidates} proposes list items, short lines, sentences and
 * clauses with their features and actors, the trained {@link CommitmentModel} keeps the commitments, and each kept
 * candidate gets its themes, targets and kind.
 */
public final class CommitmentExtractor {
  /** A promise has a handful to a few dozen undertakings; past this a page is a list of something else. */
  static final int MAX_COMMITMENTS = 500;

  private final CommitmentCandidates candidates;
  private final CommitmentModel model;
  private final ActorModel actorModel;
  private final ActorFeatures actorFeatures;
  private final List<Pattern> goals;
  private final ThemeClassifier themes;
  private final TargetExtractor targets;
  // Themes: the learned theme model over the lexicon's hits and the words (ThemeModel, ThemeFeatures).
  private final ThemeModel themeModel;
  private final ThemeFeatures themeFeatures;

  /** The commitment finder with these rules and models (built once by {@code PromiseExtractor}). */
  public CommitmentExtractor(ExtractionRules rules, ActorResolver actors, ThemeClassifier themes,
      TargetExtractor targets, CommitmentModel model, ActorModel actorModel, ThemeModel themeModel) {
    this.themeModel = themeModel;
    this.candidates = new CommitmentCandidates(rules, actors, themes, targets);
    this.model = model;
    this.actorModel = actorModel;
    this.actorFeatures = new ActorFeatures(actors);
    this.goals = rules.combined("goal_sentences");
    this.themes = themes;
    this.targets = targets;
    this.themeFeatures = new ThemeFeatures(themes);
  }

  /** The commitments of a page: candidates the model accepts, in reading order, with themes, targets and kind. */
  public List<Commitment> extract(MainText main) {
    List<Commitment> out = new ArrayList<>();
    java.util.Map<String, List<String>> headingThemes = new java.util.HashMap<>();
    List<Candidate> all = candidates(main);
    double[] p = model.probabilities(all);
    for (int i = 0; i < all.size(); i++) {
      if (p[i] >= model.threshold()) {
        out.add(commitment(all.get(i), p[i], main, headingThemes));
        if (out.size() >= MAX_COMMITMENTS) {
          break;
        }
      }
    }
    return out;
  }

  /** Every candidate of the page in reading order (for training and for explaining a decision). */
  public List<Candidate> candidates(MainText main) {
    List<Candidate> found = new ArrayList<>(candidates.find(main));
    found.sort(java.util.Comparator.comparingInt(Candidate::start));
    return found;
  }

  /** The model's probability that each candidate of a page (in reading order) is a commitment. */
  public double[] probabilities(List<Candidate> page) {
    return model.probabilities(page);
  }

  /** The probability from which a candidate is kept. */
  public double threshold() {
    return model.threshold();
  }

  private Commitment commitment(Candidate c, double p, MainText main,
      java.util.Map<String, List<String>> headingThemes) {
    String text = c.text();
    Kind kind = any(goals, text) ? Kind.GOAL : Kind.ACTIVITY;
    double actors = actorModel.confidence(c, actorFeatures);
    ThemeModel.Decision themed = themeModel.decide(themeFeatures.of(text, ThemeFeatures.context(main, c.start()),
        headingThemes));
    return new Commitment(text, c.actors(), themed.themes(), kind, targets.extract(text), c.start(), c.end(),
        java.util.Optional.of(new Commitment.Confidence(p, actors, themed.confidence())));
  }

  /** Whether any of the patterns is found in the text (also used by the field extractors and PromiseExtractor). */
  static boolean any(List<Pattern> patterns, String s) {
    return ExtractionRules.any(patterns, s);
  }
}
