package se.loftesgrafen.graph;

/** The store could not be opened, read or written; the message names the store and what failed. */
public final class StoreException extends RuntimeException {
  private final boolean inUse;

  public StoreException(String message) {
    super(message);
    this.inUse = false;
  }

  public StoreException(String message, Throwable cause) {
    this(message, cause, false);
  }

  private StoreException(String message, Throwable cause, boolean inUse) {
    super(message, cause);
    this.inUse = inUse;
  }

  /** The embedded store is held by another process (TDB2 allows one), such as a running service. */
  static StoreException inUse(String message, Throwable cause) {
    return new StoreException(message, cause, true);
  }

  public boolean inUse() {
    return inUse;
  }
}
