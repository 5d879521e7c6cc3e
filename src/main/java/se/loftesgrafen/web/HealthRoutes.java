package se.loftesgrafen.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import se.loftesgrafen.graph.PromiseStore;

/** {@code GET /health}: 200 when the store answers a query, 503 when it does not. */
final class HealthRoutes {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Query PROBE = QueryFactory.create("ASK { }");

  private HealthRoutes() {}

  static void mount(Router router, PromiseStore store, BlockingWork blocking, Instant started) {
    router.get("/health").handler(ctx -> blocking.run(() -> store.query(PROBE, Duration.ofSeconds(5),
            exec -> exec.ask()))
        .onComplete(ar -> {
          boolean up = ar.succeeded();
          Map<String, Object> body = Map.of(
              "status", up ? "up" : "down",
              "store", up ? "ok" : String.valueOf(ar.cause().getMessage()),
              "dataVersion", store.version(),
              "uptimeSeconds", Duration.between(started, Instant.now()).toSeconds());
          ctx.response().setStatusCode(up ? 200 : 503)
              .putHeader("Content-Type", "application/json")
              .putHeader("Cache-Control", "no-store");
          try {
            ctx.response().end(JSON.writeValueAsString(body));
          } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            ctx.fail(e);
          }
        }));
  }
}
