package se.loftesgrafen.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import se.loftesgrafen.harvest.ReextractSummary;
import se.loftesgrafen.schedule.Harvests;
import se.loftesgrafen.schedule.RunStatus;

/**
 * {@code POST /admin/harvest} starts a harvest of the configured sources: it needs
 * {@code Authorization: Bearer <service.adminToken>} (401 without credentials, 403 with wrong ones or when no
 * token is configured; after ten wrong tokens in a minute a client gets 429 with Retry-After until the minute is
 * over, its token not compared), answers 202 with the run id, or 409 with the run id and the replica that holds the run
 * while one is going (in a fleet: on any replica).
 * {@code GET /harvest/status} answers the current and the last run as JSON (in a fleet: the same on every replica).
 * {@code POST /admin/reextract[?dryRun=true]}, with the same token, re-extracts the stored snapshots from their WARC
 * records and answers 200 with the summary when done, or 409 while a harvest or re-extraction is going.
 */
public final class HarvestAdminRoutes {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Optional<String> adminToken;
  private final Harvests runner;
  /** Ten wrong tokens a minute per client; beyond, 429 before the token is even compared. */
  private final ClientLimits.Failures wrongTokens = new ClientLimits.Failures(10, java.time.Duration.ofMinutes(1),
      System::nanoTime);

  public HarvestAdminRoutes(Optional<String> adminToken, Harvests runner) {
    this.adminToken = adminToken;
    this.runner = runner;
  }

  public void mount(Router router) {
    router.post("/admin/harvest").handler(this::start);
    router.post("/admin/reextract").handler(this::reextract);
    router.get("/harvest/status").handler(this::status);
  }

  /** On a worker thread: in a fleet, starting asks the database. Both answers are outcomes, not failures. */
  private void start(RoutingContext ctx) {
    if (!authorised(ctx)) {
      return;
    }
    ctx.vertx().executeBlocking(runner::start, false).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
        return;
      }
      Map<String, Object> body = new LinkedHashMap<>();
      if (ar.result() instanceof Harvests.Busy busy) {
        body.put("status", 409);
        body.put("error", "Conflict");
        body.put("message", "a harvest or re-extraction is already running: run " + busy.runId() + " on "
            + busy.replica() + "; see /harvest/status");
        body.put("runId", busy.runId());
        body.put("replica", busy.replica());
        send(ctx.response().setStatusCode(409), body, ctx);
      } else if (ar.result() instanceof Harvests.Accepted accepted) {
        body.put("runId", accepted.runId());
        body.put("replica", accepted.replica());
        body.put("status", "/harvest/status");
        send(ctx.response().setStatusCode(202).putHeader("Location", "/harvest/status"), body, ctx);
      }
    });
  }

  /**
   * Runs on a worker pool of its own (a re-extraction reads every stored page and may take long); two threads, so
   * that a second request finds the first one running and gets its 409 at once instead of queueing behind it.
   */
  private void reextract(RoutingContext ctx) {
    if (!authorised(ctx)) {
      return;
    }
    boolean dryRun = "true".equals(ctx.request().getParam("dryRun"));
    WorkerExecutor worker = ctx.vertx().createSharedWorkerExecutor("reextract", 2, 2, TimeUnit.HOURS);
    worker.executeBlocking(() -> runner.reextract(dryRun), false).onComplete(ar -> {
      worker.close();
      if (ar.failed()) {
        ctx.fail(ar.cause());
      } else if (ar.result().isEmpty()) {
        ctx.fail(new HttpError(409, "a harvest or re-extraction is already running: see /harvest/status"));
      } else {
        send(ctx.response().putHeader("Cache-Control", "no-store"), json(ar.result().get()), ctx);
      }
    });
  }

  /** Whether the request carries the admin token; fails the context with 401 or 403 when not. */
  private boolean authorised(RoutingContext ctx) {
    String header = Optional.ofNullable(ctx.request().getHeader("Authorization")).orElse("");
    if (adminToken.isEmpty()) { // said first: no token the client could send would help
      ctx.fail(new HttpError(403, "admin endpoints are off: no service.adminToken is configured"));
      return false;
    }
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"loftesgrafen-admin\"");
      ctx.fail(new HttpError(401, "admin endpoint: send Authorization: Bearer <service.adminToken>"));
      return false;
    }
    String client = ClientLimits.client(ctx);
    int wait = wrongTokens.blockedFor(client);
    if (wait > 0) {
      ctx.fail(HttpError.tooManyRequests(wait, "too many wrong admin tokens from " + client + ": try again in "
          + wait + " s"));
      return false;
    }
    byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(given, adminToken.get().getBytes(StandardCharsets.UTF_8))) {
      wrongTokens.failed(client);
      ctx.fail(new HttpError(403, "wrong admin token"));
      return false;
    }
    return true;
  }

  private void status(RoutingContext ctx) {
    ctx.vertx().executeBlocking(runner::status, false).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
      } else {
        send(ctx.response().putHeader("Cache-Control", "no-store"), ar.result(), ctx);
      }
    });
  }

  private static void send(io.vertx.core.http.HttpServerResponse response, Map<String, Object> body,
                           RoutingContext ctx) {
    try {
      response.putHeader("Content-Type", "application/json").end(ContentLength.of(response, JSON.writeValueAsString(body)));
    } catch (JsonProcessingException e) {
      ctx.fail(e);
    }
  }

  static Map<String, Object> json(ReextractSummary s) {
    return RunStatus.of(s);
  }
}
