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
  private final TargetComparison targets;
  private final List<Pattern> outcome;

  StatusJudge(FollowUpRules rules, TenseCues tense) {
    this.tense = tense;
    this.targets = new TargetComparison(rules);
    this.outcome = rules.patterns("outcome");
  }

  Judgement judge(String commitment, List<Statement> results, boolean truncated) {
    if (results.isEmpty()) {
      return Judgement.unclear(truncated ? UnclearReason.CUT : UnclearReason.NOT_MENTIONED);
    }
    List<String> texts = results.stream().map(Statement::text).toList();
    List<Integer> shares = texts.stream().flatMap(t -> tense.shares(t).stream()).toList();
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
