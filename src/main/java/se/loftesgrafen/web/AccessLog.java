package se.loftesgrafen.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One line per request on the "access" logger: request id, method, path, status, milliseconds. */
final class AccessLog implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger("access");

  @Override
  public void handle(RoutingContext ctx) {
    long start = System.nanoTime();
    String id = RequestIds.assign(ctx);
    ctx.addBodyEndHandler(v -> LOG.info("{} {} {} {} {}ms", id, ctx.request().method(), ctx.request().path(),
        ctx.response().getStatusCode(), (System.nanoTime() - start) / 1_000_000));
    ctx.next();
  }
}
