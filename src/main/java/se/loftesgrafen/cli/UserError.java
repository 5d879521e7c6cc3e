package se.loftesgrafen.cli;

/** A failure the user can fix (a port in use, an unreadable store): printed as one line, no stack trace. */
final class UserError extends RuntimeException {
  private final int exitCode;

  UserError(String message, int exitCode) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
