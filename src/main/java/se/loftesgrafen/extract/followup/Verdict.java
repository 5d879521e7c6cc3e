package se.loftesgrafen.extract.followup;

import java.util.Objects;

/** A page-level verdict the report itself gives ("Polisen uppfyllde sina utlovade aktiviteter."). */
public record Verdict(FollowUpStatus status, String text, int start) {
  public Verdict {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(text, "text");
  }
}
