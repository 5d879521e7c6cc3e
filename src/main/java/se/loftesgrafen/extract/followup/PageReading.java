package se.loftesgrafen.extract.followup;

import java.util.Objects;
import java.util.Optional;
import se.loftesgrafen.extract.ExtractedPromise;

/** A page read both ways: the promise it states (if any), what kind of page it is, and the report it gives. */
public record PageReading(ExtractedPromise promise, PageKind kind, Optional<FollowUpReport> followUp) {
  public PageReading {
    Objects.requireNonNull(promise, "promise");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(followUp, "followUp");
    if (followUp.isPresent() != kind.reports()) {
      throw new IllegalArgumentException("a follow-up report goes with a follow-up page only: " + kind);
    }
  }
}
