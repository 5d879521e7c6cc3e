package se.loftesgrafen.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the "access" logger: request id, method, path, status, milliseconds. Logged when the
 * response is disposed, so also for an answer whose connection was reset or closed by the client before its end
 * (marked "reset"), not only for answers whose body was sent in full.
 */
final class AccessLog implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger("access");

  @Override
  public void handle(RoutingContext ctx) {
    long start = System.nanoTime();
    String id = RequestIds.assign(ctx);
    ctx.addEndHandler(ended -> LOG.info("{} {} {} {} {}ms{}", id, ctx.request().method(), ctx.request().path(),
        ctx.response().getStatusCode(), (System.nanoTime() - start) / 1_000_000,
        ended.succeeded() ? "" : " reset"));
    ctx.next();
  }
}
