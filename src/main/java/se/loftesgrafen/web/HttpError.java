package se.loftesgrafen.web;

/** An expected failure of a request, answered with its status and message (no stack trace in the log). */
public final class HttpError extends RuntimeException {
  private final int status;

  public HttpError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
