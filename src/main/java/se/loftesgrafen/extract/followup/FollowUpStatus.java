package se.loftesgrafen.extract.followup;

/** Whether a follow-up report says a commitment was kept (the lg:followUpStatus concepts, by their ids). */
public enum FollowUpStatus {
  KEPT("kept"), PARTLY("partly"), NOT_KEPT("not-kept"), UNCLEAR("unclear");

  private final String id;

  FollowUpStatus(String id) {
    this.id = id;
  }

  /** The id in the JSON output and the local name of the concept (hallet, ...) is mapped in graph. */
  public String id() {
    return id;
  }

  /** The status with this id. */
  public static FollowUpStatus of(String id) {
    for (FollowUpStatus s : values()) {
      if (s.id.equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException("no follow-up status '" + id + "'");
  }
}
