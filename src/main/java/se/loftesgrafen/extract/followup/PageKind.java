package se.loftesgrafen.extract.followup;

/** What a page is: a promise, a follow-up report, both (a report that also states the next promise), or neither. */
public enum PageKind {
  PROMISE("promise"), FOLLOW_UP("follow_up"), BOTH("both"), OTHER("other");

  private final String id;

  PageKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** Whether the page reports on an earlier promise. */
  public boolean reports() {
    return this == FOLLOW_UP || this == BOTH;
  }

  /** Whether the page states a promise of its own. */
  public boolean promises() {
    return this == PROMISE || this == BOTH;
  }

  /** The kind as {@code extract}'s {@code page_kind} names it: a page that is both counts as a follow-up there. */
  public String outputId() {
    return this == BOTH ? FOLLOW_UP.id : id;
  }
}
