package se.loftesgrafen.extract.followup;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A commitment's status from the results tied to it. No result: unclear (cut when the text breaks off, else not
 * mentioned; silence is not failure). A share below 100 %, or a partial cue ("nja", "ännu inte"): partly. A
 * result that says it was not done: not kept (partly when other results say something was). Numbers against the
 * target decide where both exist. Otherwise a reported activity keeps the commitment, and a result that only
 * plans keeps nothing.
 */
final class StatusJudge {
  /** A status and, when unclear, why. */
  record Judgement(FollowUpStatus status, Optional<UnclearReason> reason) {
    static Judgement of(FollowUpStatus s) {
      return new Judgement(s, Optional.empty());
    }

    static Judgement unclear(UnclearReason r) {
      return new Judgement(FollowUpStatus.UNCLEAR, Optional.of(r));
    }
  }

  private static final int FULL = 100;

  private final TenseCues tense;
  private final EvidenceMatcher words;
  private final TargetComparison targets;
  private final List<Pattern> outcome;

  StatusJudge(FollowUpRules rules, TenseCues tense, EvidenceMatcher words) {
    this.tense = tense;
    this.words = words;
    this.targets = new TargetComparison(rules);
    this.outcome = rules.patterns("outcome");
  }

  /**
   * The shares a result reports for this commitment: where it reports several ("till 90 procent ... fotpatrullering
   * och till 70 procent ... trafikkontroller"), the one over the commitment's own words.
   */
  private List<Integer> shares(String commitment, String result) {
    List<TenseCues.Share> all = tense.shares(result);
    if (all.size() < 2) {
      return all.stream().map(TenseCues.Share::percent).toList();
    }
    java.util.Set<String> stems = words.stems(commitment);
    List<Integer> own = all.stream().filter(s -> stems.stream().anyMatch(w -> s.over().toLowerCase(java.util.Locale.ROOT)
        .contains(w))).map(TenseCues.Share::percent).toList();
    return own.isEmpty() ? all.stream().map(TenseCues.Share::percent).toList() : own;
  }

  Judgement judge(String commitment, List<Statement> results, boolean truncated) {
    if (results.isEmpty()) {
      return Judgement.unclear(truncated ? UnclearReason.CUT : UnclearReason.NOT_MENTIONED);
    }
    List<String> texts = results.stream().map(Statement::text).toList();
    List<Integer> shares = texts.stream().flatMap(t -> shares(commitment, t).stream()).toList();
    if (!shares.isEmpty()) {
      return Judgement.of(shares.stream().allMatch(s -> s >= FULL) ? FollowUpStatus.KEPT : FollowUpStatus.PARTLY);
    }
    if (texts.stream().anyMatch(tense::partly)) {
      return Judgement.of(FollowUpStatus.PARTLY);
    }
    boolean anyDone = results.stream().anyMatch(r -> tense.done(r.text()) || r.inResults() && !tense.notDone(r.text()));
    if (texts.stream().anyMatch(tense::notDone)) {
      return Judgement.of(anyDone ? FollowUpStatus.PARTLY : FollowUpStatus.NOT_KEPT);
    }
    switch (targets.compare(commitment, texts)) {
      case MET -> {
        return Judgement.of(FollowUpStatus.KEPT);
      }
      case SHORT -> {
        return Judgement.of(FollowUpStatus.PARTLY);
      }
      case NONE_DONE -> {
        return Judgement.of(FollowUpStatus.NOT_KEPT);
      }
      case NOT_COMPARABLE -> {
        return Judgement.unclear(UnclearReason.NO_TARGET);
      }
      default -> { }
    }
    if (FollowUpRules.any(outcome, commitment)) {
      return Judgement.unclear(UnclearReason.OUTCOME);
    }
    return anyDone ? Judgement.of(FollowUpStatus.KEPT) : Judgement.unclear(UnclearReason.NOT_MENTIONED);
  }
}
