package se.loftesgrafen.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that maps failures to HTTP answers (as Fuseki keeps this mapping in one place). Expected failures
 * are logged as one line; anything else is a bug and is logged with its stack trace.
 */
final class FailureHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger("access");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    int status;
    String message;
    if (failure instanceof HttpError e) {
      status = e.status();
      message = e.getMessage();
    } else if (failure instanceof QueryParseException e) {
      status = 400;
      message = "malformed query: " + e.getMessage();
    } else if (failure instanceof QueryCancelledException) {
      status = 503;
      message = "query stopped: it ran longer than the time limit";
    } else if (failure == null) {
      status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
      message = status == 404 ? "no such resource: " + ctx.request().path() : "request failed";
    } else {
      status = 500;
      message = "internal error (request " + RequestIds.of(ctx) + ")";
      LOG.error("request {} {} {} failed", RequestIds.of(ctx), ctx.request().method(), ctx.request().uri(), failure);
    }
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8");
    try {
      ctx.response().end(JSON.writeValueAsString(new ErrorBody(status, reason(status), message, RequestIds.of(ctx))));
    } catch (JsonProcessingException e) {
      ctx.response().end();
    }
  }

  private static String reason(int status) {
    return io.netty.handler.codec.http.HttpResponseStatus.valueOf(status).reasonPhrase();
  }
}
