package se.loftesgrafen.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.vertx.ext.web.handler.HttpException;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that maps failures to HTTP answers (as Fuseki keeps this mapping in one place). Client errors and
 * expected refusals (our {@link HttpError}, Vert.x's own 4xx such as a body over the limit, a malformed query, a
 * query over time) are answered with their status and a reason and logged as one line; anything else is a bug:
 * 500, logged with its stack trace and the request id that the client also sees.
 */
final class FailureHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger("access");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final long maxQueryBytes;

  FailureHandler(long maxQueryBytes) {
    this.maxQueryBytes = maxQueryBytes;
  }

  private record Outcome(int status, String message) {
  }

  @Override
  public void handle(RoutingContext ctx) {
    Outcome outcome = outcome(ctx);
    if (outcome.status() >= 500 && outcome.status() != 503) {
      LOG.error("request {} {} {} failed", RequestIds.of(ctx), ctx.request().method(), ctx.request().path(),
          ctx.failure());
    } else {
      LOG.info("request {} {} {}: {}", RequestIds.of(ctx), ctx.request().method(), outcome.status(),
          outcome.message());
    }
    if (ctx.response().headWritten() || ctx.response().closed()) {
      ctx.response().reset();
      return;
    }
    ctx.response().setStatusCode(outcome.status()).putHeader("Content-Type", "application/json; charset=utf-8");
    if (outcome.status() == 503) {
      ctx.response().putHeader("Retry-After", "5");
    }
    if (ctx.failure() instanceof HttpError e && e.allow().isPresent()) {
      ctx.response().putHeader("Allow", e.allow().get());
    }
    if (ctx.failure() instanceof HttpError e && e.retryAfter().isPresent()) {
      ctx.response().putHeader("Retry-After", e.retryAfter().get().toString());
    }
    try {
      ctx.response().end(ContentLength.of(ctx.response(), JSON.writeValueAsString(new ErrorBody(outcome.status(),
          reason(outcome.status()), outcome.message(), RequestIds.of(ctx)))));
    } catch (JsonProcessingException e) {
      ctx.response().end();
    }
  }

  private Outcome outcome(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof HttpError e) {
      return new Outcome(e.status(), e.getMessage());
    }
    if (failure instanceof QueryParseException e) {
      return new Outcome(400, "malformed query: " + e.getMessage());
    }
    if (failure instanceof QueryCancelledException) {
      return new Outcome(503, "query stopped: it ran longer than the time limit");
    }
    if (failure instanceof HttpPostRequestDecoder.TooLongFormFieldException
        || failure instanceof HttpPostRequestDecoder.TooManyFormFieldsException) {
      return new Outcome(413, "the form is larger than this service accepts (a query may have " + maxQueryBytes
          + " bytes, service.sparqlMaxQuerySize)");
    }
    if (failure instanceof HttpPostRequestDecoder.ErrorDataDecoderException
        || failure instanceof HttpPostRequestDecoder.NotEnoughDataDecoderException) {
      // Vert.x decodes a form body with Netty before any handler of ours sees it
      return new Outcome(400, "the form body cannot be read (application/x-www-form-urlencoded, RFC 3986"
          + " percent-encoding): " + failure.getMessage());
    }
    // Vert.x fails a request it refuses itself (a path not starting with '/') with a 4xx status and a plain exception
    int status = failure instanceof HttpException e ? e.getStatusCode()
        : ctx.statusCode() >= 400 && (failure == null || ctx.statusCode() < 500) ? ctx.statusCode() : 500;
    if (status >= 500) {
      return new Outcome(500, "internal error (request " + RequestIds.of(ctx) + ")");
    }
    String given = failure instanceof HttpException e && e.getPayload() != null ? ": " + e.getPayload() : "";
    return new Outcome(status, switch (status) {
      case 404 -> "no such resource: " + ctx.request().path();
      case 413 -> "the request body is larger than this service accepts (a query may have " + maxQueryBytes
          + " bytes, service.sparqlMaxQuerySize)";
      case 414 -> "the request line is longer than this service accepts: POST a long query as"
          + " application/sparql-query (up to " + maxQueryBytes + " bytes)";
      case 431 -> "the request headers are larger than this service accepts";
      default -> reason(status) + given;
    });
  }

  private static String reason(int status) {
    return io.netty.handler.codec.http.HttpResponseStatus.valueOf(status).reasonPhrase();
  }
}
