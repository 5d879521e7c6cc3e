package se.loftesgrafen.extract.followup;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One commitment as a follow-up report names it, with what the report says of it.
 *
 * @param text          the commitment, verbatim from the page
 * @param start         its offset in the page's main text
 * @param status        kept, partly, not kept or unclear
 * @param unclearReason why unclear (only with {@link FollowUpStatus#UNCLEAR})
 * @param evidence      the sentences the status rests on, verbatim, with offsets; empty when nothing supports one
 * @param actors        polisen, kommunen, other
 */
public record FollowUpItem(String text, int start, FollowUpStatus status, Optional<UnclearReason> unclearReason,
    List<Evidence> evidence, Set<String> actors) {
  public FollowUpItem {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(unclearReason, "unclearReason");
    if (unclearReason.isPresent() != (status == FollowUpStatus.UNCLEAR)) {
      throw new IllegalArgumentException("an unclear reason goes with status unclear only: " + status);
    }
    evidence = List.copyOf(evidence);
    actors = java.util.Collections.unmodifiableSet(new TreeSet<>(actors));
  }

  /** A sentence of the report, verbatim, and where it starts in the main text. */
  public record Evidence(String text, int start) {
    public Evidence {
      Objects.requireNonNull(text, "text");
    }
  }
}
