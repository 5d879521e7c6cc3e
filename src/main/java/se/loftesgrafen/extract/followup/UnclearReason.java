package se.loftesgrafen.extract.followup;

/** Why a report allows no verdict on a commitment. */
public enum UnclearReason {
  /** The text ends before any evidence (a cut page or excerpt). */
  CUT("cut"),
  /** A complete report says nothing about the commitment: silence is not read as failure. */
  NOT_MENTIONED("not-mentioned"),
  /** A result exists but the target or counting period needed to compare it does not (62 vs "one a week"). */
  NO_TARGET("no-target"),
  /** The commitment is an outcome ("öka tryggheten") and only activities are reported. */
  OUTCOME("outcome");

  private final String id;

  UnclearReason(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
