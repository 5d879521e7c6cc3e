package se.loftesgrafen.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import se.loftesgrafen.graph.PromiseStore;

/**
 * Liveness and readiness, which must answer however busy the query pool is (an orchestrator that sees them time
 * out restarts a healthy service). {@code GET /health} (liveness) answers on the event loop from memory: the process
 * runs. {@code GET /ready} (readiness) asks the store a trivial query on a pool of its own, never the query pool,
 * and says 503 when the store is not open yet or does not answer within two seconds.
 */
final class HealthRoutes {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Query PROBE = QueryFactory.create("ASK { }");
  private static final long PROBE_MILLIS = 2000;

  private final Instant started = Instant.now();
  private final WorkerExecutor probes;
  private final java.util.function.IntSupplier queriesInFlight;
  private volatile PromiseStore store;

  /** @param queriesInFlight requests running or waiting on the worker pools */
  HealthRoutes(Vertx vertx, java.util.function.IntSupplier queriesInFlight) {
    this.probes = vertx.createSharedWorkerExecutor("readiness-probe", 1, PROBE_MILLIS * 2, TimeUnit.MILLISECONDS);
    this.queriesInFlight = queriesInFlight;
  }

  /** Mounted before anything else, so both answer while the service is still starting. */
  void mount(Router router) {
    router.get("/health").handler(this::live);
    router.get("/ready").handler(this::ready);
  }

  /** The store is open and loaded: readiness may probe it. */
  void storeReady(PromiseStore ready) {
    this.store = ready;
  }

  BooleanSupplier started() {
    return () -> store != null;
  }

  private void live(RoutingContext ctx) {
    Map<String, Object> body = body(store == null ? "starting" : "up");
    send(ctx, 200, body);
  }

  private void ready(RoutingContext ctx) {
    PromiseStore s = store;
    if (s == null) {
      Map<String, Object> body = body("starting");
      body.put("store", "loading");
      ctx.response().putHeader("Retry-After", "2");
      send(ctx, 503, body);
      return;
    }
    long timer = ctx.vertx().setTimer(PROBE_MILLIS, id -> {
      if (!ctx.response().ended()) {
        Map<String, Object> body = body("down");
        body.put("store", "no answer within " + PROBE_MILLIS + " ms");
        send(ctx, 503, body);
      }
    });
    probes.<Boolean>executeBlocking(() -> s.query(PROBE, Duration.ofMillis(PROBE_MILLIS), exec -> exec.ask()), false)
        .onComplete(ar -> {
          ctx.vertx().cancelTimer(timer);
          if (ctx.response().ended()) {
            return;
          }
          Map<String, Object> body = body(ar.succeeded() ? "up" : "down");
          body.put("store", ar.succeeded() ? "ok" : String.valueOf(ar.cause().getMessage()));
          body.put("dataVersion", s.version());
          send(ctx, ar.succeeded() ? 200 : 503, body);
        });
  }

  private Map<String, Object> body(String status) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("uptimeSeconds", Duration.between(started, Instant.now()).toSeconds());
    body.put("queriesInFlight", queriesInFlight.getAsInt());
    return body;
  }

  private static void send(RoutingContext ctx, int status, Map<String, Object> body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store");
    try {
      ctx.response().end(ContentLength.of(ctx.response(), JSON.writeValueAsString(body)));
    } catch (JsonProcessingException e) {
      ctx.fail(e);
    }
  }

  void close() {
    probes.close();
  }
}
