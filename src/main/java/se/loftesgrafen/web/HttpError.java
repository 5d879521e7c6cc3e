package se.loftesgrafen.web;

import java.util.Optional;

/** An expected failure of a request, answered with its status and message (no stack trace in the log). */
public final class HttpError extends RuntimeException {
  private final int status;
  private final String allow;
  private final Integer retryAfter;

  /** Any status but 405, which must name the allowed methods: see {@link #methodNotAllowed}. */
  public HttpError(int status, String message) {
    this(status, message, null);
    if (status == 405) {
      throw new IllegalArgumentException("a 405 needs its Allow header: use HttpError.methodNotAllowed");
    }
  }

  private HttpError(int status, String message, String allow) {
    this(status, message, allow, null);
  }

  private HttpError(int status, String message, String allow, Integer retryAfter) {
    super(message, null, false, false);
    this.status = status;
    this.allow = allow;
    this.retryAfter = retryAfter;
  }

  /** A 429 with the seconds the client should wait (RFC 6585, 4: Retry-After). */
  public static HttpError tooManyRequests(int retryAfterSeconds, String message) {
    return new HttpError(429, message, null, Math.max(1, retryAfterSeconds));
  }

  /** A 405 with the methods the resource does allow: RFC 9110 section 15.5.6 requires them in an Allow header. */
  public static HttpError methodNotAllowed(String allow, String message) {
    return new HttpError(405, message, allow);
  }

  public int status() {
    return status;
  }

  /** The Retry-After seconds of a 429. */
  public Optional<Integer> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** The Allow header of a 405. */
  public Optional<String> allow() {
    return Optional.ofNullable(allow);
  }
}
