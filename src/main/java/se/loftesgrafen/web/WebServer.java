package se.loftesgrafen.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.CatalogBuilder;
import se.loftesgrafen.graph.DumpWriter;
import se.loftesgrafen.graph.JsonLdFramer;
import se.loftesgrafen.graph.Metrics;
import se.loftesgrafen.graph.QueryCache;
import se.loftesgrafen.graph.ResourceDescriber;
import se.loftesgrafen.graph.SparqlExecutor;
import se.loftesgrafen.vocab.JsonLdContext;
import se.loftesgrafen.harvest.HarvestRunner;
import se.loftesgrafen.harvest.HarvestSummary;

/**
 * The HTTP service: one router, every route class mounted on it, one failure handler. It listens first (so that
 * port 0 gets its real port, which the default base IRI contains) and gets its routes once the store is ready.
 */
public final class WebServer {
  private final Vertx vertx;
  private final HttpServer server;
  private final Router router;
  private final BlockingWork blocking;
  private volatile boolean ready;
  private final Metrics metrics = new Metrics();
  private DumpRoutes dumps;

  private WebServer(Vertx vertx, HttpServer server, Router router, BlockingWork blocking) {
    this.vertx = vertx;
    this.server = server;
    this.router = router;
    this.blocking = blocking;
  }

  /** Starts listening; the future fails when the port cannot be bound. Requests get 503 until {@link #mount}. */
  public static Future<WebServer> listen(Vertx vertx, int port) {
    Router router = Router.router(vertx);
    router.route().handler(new AccessLog());
    BlockingWork blocking = new BlockingWork(vertx, 16);
    WebServer[] self = new WebServer[1];
    router.route().handler(ctx -> {
      if (self[0] != null && self[0].ready) {
        ctx.next();
      } else {
        ctx.response().setStatusCode(503).putHeader("Retry-After", "2").end("starting: loading the store\n");
      }
    });
    return vertx.createHttpServer().requestHandler(router).listen(port)
        .map(server -> self[0] = new WebServer(vertx, server, router, blocking));
  }

  /** Mounts every route; called once, when the store holds the vocabulary. */
  public void mount(AppConfig config, PromiseStore store, Iris iris, HarvestRunner harvests) {
    Duration timeout = config.service().sparqlTimeout();
    DataClock clock = new DataClock(store);
    CatalogBuilder catalog = new CatalogBuilder(iris);
    new MetricsRoutes(metrics, store, blocking).mount(router);
    HealthRoutes.mount(router, store, blocking, Instant.now());
    VocabRoutes.mount(router, iris.base());
    new SparqlRoutes(new SparqlExecutor(store, timeout, config.service().sparqlMaxRows()), new QueryCache(64L << 20, 1 << 20), store, blocking, metrics, new ServicePages(catalog.serviceDescription().getGraph(), iris.base())).mount(router);
    new ResourceRoutes(new ResourceDescriber(store, timeout), blocking, iris, store, clock, new JsonLdFramer(JsonLdContext.url(iris.base()))).mount(router);
    dumps = new DumpRoutes(new DumpWriter(store, iris, config.service().store().resolve("dumps")), store, vertx, metrics);
    dumps.mount(router);
    new CatalogRoutes(catalog, store, blocking, clock, dumps).mount(router);
    new HarvestAdminRoutes(config.service().adminToken(), harvests).mount(router);
    harvestGauges(harvests);
    SearchRoutes.mount(router, vertx, store, config, ComparisonRoutes.mount(router, store, iris, config, blocking));
    WebPageRoutes.mount(router);
    router.route().last().handler(ctx -> ctx.fail(new HttpError(404, "no such page: " + ctx.request().path())));
    router.route().failureHandler(new FailureHandler());
    ready = true;
  }

  /** Harvest counts for /metrics: whether a run is going, and what the last finished run did. */
  private void harvestGauges(HarvestRunner harvests) {
    metrics.gauge("loftesgrafen_harvest_running", "1 while a harvest runs, else 0",
        () -> harvests.current().isPresent() ? 1 : 0);
    metrics.gauge("loftesgrafen_harvest_runs", "Harvest runs finished since start, the start-up harvest included",
        () -> harvests.finishedRuns());
    Map<String, java.util.function.ToIntFunction<HarvestSummary>> counts = Map.of(
        "fetched", HarvestSummary::fetched, "not_modified", HarvestSummary::notModified,
        "stored", HarvestSummary::stored, "unchanged", HarvestSummary::unchanged,
        "disallowed", HarvestSummary::disallowed, "failed", s -> s.failed().size());
    counts.forEach((name, count) -> metrics.gauge("loftesgrafen_harvest_last_" + name,
        "Pages " + name.replace('_', ' ') + " in the last finished harvest run",
        () -> harvests.last().map(count::applyAsInt).orElse(0)));
  }

  public int port() {
    return server.actualPort();
  }

  /** The service's metrics registry (/metrics): the harvester may count into it. */
  public Metrics metrics() {
    return metrics;
  }

  public Future<Void> close() {
    if (dumps != null) {
      dumps.close();
    }
    blocking.close();
    return server.close();
  }

  public Vertx vertx() {
    return vertx;
  }
}
