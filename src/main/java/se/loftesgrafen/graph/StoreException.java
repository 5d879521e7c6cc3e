package se.loftesgrafen.graph;

/** The store could not be opened, read or written; the message names the store and what failed. */
public final class StoreException extends RuntimeException {
  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
