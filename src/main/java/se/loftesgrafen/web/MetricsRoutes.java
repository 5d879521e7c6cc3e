package se.loftesgrafen.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.Queries;

/**
 * {@code /metrics} in the Prometheus text format: requests by route and status, request and query times, and
 * what the harvests have stored (snapshots, runs, promises, commitments; counted once per data version).
 * Mounted first, so that it sees every request.
 */
final class MetricsRoutes {
  /** Routes are labelled by their first path segment; anything else is "other", to keep the label set small. */
  private static final Set<String> ROUTES = Set.of("sparql", "id", "dumps", "datasets", ".well-known", "context",
      "metrics", "health", "api", "def", "vocab", "sok", "jamfor");
  private final Metrics metrics;
  private final PromiseStore store;
  private final BlockingWork blocking;
  private final Map<String, Long> stored = new ConcurrentHashMap<>();
  private volatile long storedVersion = Long.MIN_VALUE;

  MetricsRoutes(Metrics metrics, PromiseStore store, BlockingWork blocking) {
    this.metrics = metrics;
    this.store = store;
    this.blocking = blocking;
    for (String kind : new String[] {"snapshots", "harvest_runs", "promises", "commitments"}) {
      metrics.gauge("loftesgrafen_store_" + kind, "Number of " + kind.replace('_', ' ') + " in the store",
          () -> stored.getOrDefault(kind, 0L));
    }
  }

  void mount(Router router) {
    router.route().handler(this::count);
    router.get("/metrics").handler(ctx -> blocking.respond(ctx, () -> {
      refreshStored();
      return metrics.text();
    }, text -> ctx.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        .putHeader("Cache-Control", "no-store").end(ContentLength.of(ctx.response(), text))));
  }

  private void count(RoutingContext ctx) {
    long start = System.nanoTime();
    String path = ctx.request().path();
    String first = path.length() > 1 ? path.substring(1).split("/", 2)[0] : "";
    String route = first.isEmpty() ? "root" : ROUTES.contains(first) ? first : "other";
    ctx.addBodyEndHandler(v -> {
      metrics.increment("loftesgrafen_http_requests_total", "HTTP requests by route and status",
          Map.of("route", route, "status", Integer.toString(ctx.response().getStatusCode())));
      metrics.observe("loftesgrafen_http_request_seconds", "Time to answer an HTTP request, by route",
          Map.of("route", route), (System.nanoTime() - start) / 1e9);
    });
    ctx.next();
  }

  private void refreshStored() {
    long version = store.version();
    if (version == storedVersion) {
      return;
    }
    Map<String, Long> counts = store.query(Queries.load("metrics-counts").asQuery(), Duration.ofSeconds(30), exec -> {
      Map<String, Long> found = new HashMap<>();
      RowSet rows = exec.select();
      while (rows.hasNext()) {
        Binding b = rows.next();
        found.put(b.get("kind").getLiteralLexicalForm(), Long.parseLong(b.get("n").getLiteralLexicalForm()));
      }
      return found;
    });
    stored.clear();
    stored.putAll(counts);
    storedVersion = version;
  }
}
