package se.loftesgrafen.cluster;

/** The fleet's database cannot be reached or used; the message names the database and what failed. */
public final class ClusterException extends RuntimeException {
  public ClusterException(String message, Throwable cause) {
    super(message, cause);
  }
}
