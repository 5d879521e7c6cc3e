package se.loftesgrafen.extract.commitment;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import se.loftesgrafen.extract.Commitment.Actor;

/**
 * A stretch of a page that might state an undertaking: a list item, a short line, a sentence or a clause of prose.
 * {@link CommitmentCandidates} proposes them with what the structure and the rules say about them (the features);
 * {@link CommitmentModel} decides which are commitments.
 *
 * @param text     the words as on the page
 * @param start    offset of {@code text} in the page's main text
 * @param actors   who would commit if it is one (own subject or tag, else the heading or lead above)
 * @param features names of the binary features that hold for it ("src=item", "zone=PROMISE", "verbStart", ...)
 * @param evidence what the page says of who does it, for the {@link ActorModel}
 * @param ruleAccepts whether the hand-written rules alone would take it (the baseline cross-validation reports;
 *                 not a feature: the rules were tuned on the annotated pages, so the model must not lean on them)
 */
public record Candidate(String text, int start, Set<Actor> actors, List<String> features, ActorEvidence evidence,
                 boolean ruleAccepts) {
  public Candidate {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(evidence, "evidence");
    actors = Set.copyOf(actors);
    features = List.copyOf(features);
  }

  /** A candidate without actor evidence (tests of the commitment model). */
  Candidate(String text, int start, Set<Actor> actors, List<String> features, boolean ruleAccepts) {
    this(text, start, actors, features, ActorEvidence.none(), ruleAccepts);
  }

  Candidate withFeatures(List<String> f) {
    return new Candidate(text, start, actors, f, evidence, ruleAccepts);
  }

  int end() {
    return start + text.length();
  }
}
