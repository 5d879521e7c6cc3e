package se.loftesgrafen.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The door in front of the router: a request whose header fields break their grammar ({@link HeaderChecks}) is
 * answered 400 with the reason here, since the router itself cannot take it (Vert.x fails a request without a valid
 * Host before any route, and parses Accept for routes that name what they produce). Every other request goes on to
 * the router.
 */
final class RequestGate implements Handler<HttpServerRequest> {
  private static final Logger LOG = LoggerFactory.getLogger("access");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Router router;

  RequestGate(Router router) {
    this.router = router;
  }

  @Override
  public void handle(HttpServerRequest request) {
    boolean http10 = request.version() == io.vertx.core.http.HttpVersion.HTTP_1_0;
    Optional<String> problem = HeaderChecks.problem(request.headers(), !http10);
    if (problem.isEmpty() && request.authority() == null && !(http10 && request.getHeader("Host") == null)) {
      problem = Optional.of("the Host header is not a host with an optional port (RFC 9110, 7.2)");
    }
    if (problem.isEmpty()) {
      router.handle(request);
      return;
    }
    String id = UUID.randomUUID().toString().substring(0, 8);
    LOG.info("{} {} {} 400: {}", id, request.method(), request.path(), problem.get());
    String body;
    try {
      body = JSON.writeValueAsString(new ErrorBody(400, "Bad Request", problem.get(), id));
    } catch (JsonProcessingException e) {
      body = "";
    }
    // the connection is closed after the answer: a client that sends a broken head may frame the next one wrongly
    request.response().setStatusCode(400).putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("X-Request-Id", id).putHeader("Connection", "close").end(body);
  }
}
