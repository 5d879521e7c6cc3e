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

  /** A page read for its promise only (no report looked for). */
  public static PageReading of(ExtractedPromise promise) {
    return new PageReading(promise, promise.isPromise() ? PageKind.PROMISE : PageKind.OTHER, Optional.empty());
  }

  /** Whether the page holds anything worth storing: a promise or a report. */
  public boolean statesAnything() {
    return promise.isPromise() || followUp.isPresent();
  }
}
