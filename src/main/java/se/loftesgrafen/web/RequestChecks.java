package se.loftesgrafen.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Checks every request can be read before any route looks at it, so that a malformed one is a 400 naming what is
 * wrong rather than an exception deep in a handler: percent-encoding in the query string (RFC 3986, 2.1: '%'
 * followed by two hex digits; "%G1" is not) and in the path.
 */
final class RequestChecks implements Handler<RoutingContext> {
  @Override
  public void handle(RoutingContext ctx) {
    try {
      ctx.request().params();
    } catch (IllegalArgumentException e) {
      ctx.fail(new HttpError(400, "the query string is not valid percent-encoding (RFC 3986, 2.1): "
          + e.getMessage()));
      return;
    }
    String path = ctx.request().path();
    if (path == null || !path.startsWith("/") || badPercent(path)) {
      ctx.fail(new HttpError(400, "the path is not valid percent-encoding (RFC 3986, 2.1)"));
      return;
    }
    ctx.next();
  }

  private static boolean badPercent(String path) {
    for (int i = path.indexOf('%'); i >= 0; i = path.indexOf('%', i + 1)) {
      if (i + 2 >= path.length() || Character.digit(path.charAt(i + 1), 16) < 0
          || Character.digit(path.charAt(i + 2), 16) < 0) {
        return true;
      }
    }
    return false;
  }
}
