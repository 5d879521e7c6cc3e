package se.loftesgrafen.web;

import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/** Request ids: the client's X-Request-Id when it sends a sane one, else a new one. Logged in every access line. */
final class RequestIds {
  static final String KEY = "requestId";

  private RequestIds() {}

  static String assign(RoutingContext ctx) {
    String given = ctx.request().getHeader("X-Request-Id");
    String id = given != null && given.matches("[A-Za-z0-9._-]{1,64}") ? given
        : UUID.randomUUID().toString().substring(0, 8);
    ctx.put(KEY, id);
    ctx.response().putHeader("X-Request-Id", id);
    return id;
  }

  static String of(RoutingContext ctx) {
    String id = ctx.get(KEY);
    return id == null ? "-" : id;
  }
}
