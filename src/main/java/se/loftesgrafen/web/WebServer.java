package se.loftesgrafen.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.TimeUnit;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.catalog.CatalogBuilder;
import se.loftesgrafen.graph.describe.JsonLdFramer;
import se.loftesgrafen.graph.describe.ResourceDescriber;
import se.loftesgrafen.graph.dump.DumpWriter;
import se.loftesgrafen.graph.sparql.QueryCache;
import se.loftesgrafen.graph.sparql.QueryPolicy;
import se.loftesgrafen.graph.sparql.SparqlExecutor;
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
  private final BlockingWork sparql;
  private final HealthRoutes health;
  private final AppConfig.EndpointLimits limits;
  private final Metrics metrics = new Metrics();
  private DumpRoutes dumps;

  private WebServer(Vertx vertx, HttpServer server, Router router, BlockingWork blocking, BlockingWork sparql,
                    HealthRoutes health, AppConfig.EndpointLimits limits) {
    this.vertx = vertx;
    this.server = server;
    this.router = router;
    this.blocking = blocking;
    this.sparql = sparql;
    this.health = health;
    this.limits = limits;
  }

  /**
   * Starts listening; the future fails when the port cannot be bound. {@code /health} and {@code /ready} answer at
   * once; other requests get 503 until {@link #mount}.
   */
  public static Future<WebServer> listen(Vertx vertx, String host, int port, AppConfig.EndpointLimits limits) {
    NettyMemory.warning().ifPresent(w -> org.slf4j.LoggerFactory.getLogger("service").warn(w));
    Router router = Router.router(vertx);
    router.route().handler(new AccessLog());
    router.route().handler(new RequestChecks());
    router.route().handler(WebServer::varyOnAccept);
    router.route().handler(new ResponseCompression());
    // the JSON API is read from pages on other sites as the rest is (JSON-LD, SPARQL, dumps)
    router.route("/api/*").handler(io.vertx.ext.web.handler.CorsHandler.create()
        .allowedMethod(io.vertx.core.http.HttpMethod.GET).allowedHeader("Accept").exposedHeader("X-Request-Id"));
    BlockingWork blocking = new BlockingWork(vertx, "graph-read", "requests", limits.queryThreads(),
        limits.queryQueue());
    // The public endpoint's queries on a pool of their own: however slow or many, they leave resources and the API
    // their threads and their queue (a benchmark of issue 14 saw the API refused as busy behind them).
    BlockingWork sparql = new BlockingWork(vertx, "sparql-query", "SPARQL queries", limits.queryThreads(),
        limits.queryQueue());
    HealthRoutes health = new HealthRoutes(vertx, () -> blocking.inFlight() + sparql.inFlight());
    health.mount(router);
    java.util.function.BooleanSupplier started = health.started();
    router.route().handler(ctx -> {
      if (started.getAsBoolean()) {
        ctx.next();
      } else {
        ctx.fail(new HttpError(503, "starting: loading the store"));
      }
    });
    router.route().failureHandler(new FailureHandler(limits.maxQueryBytes()));
    return vertx.createHttpServer(options(limits)).requestHandler(new RequestGate(router)).listen(port, host)
        .map(server -> new WebServer(vertx, server, router, blocking, sparql, health, limits));
  }

  /**
   * Connections that stay idle (or drip bytes slower than the idle timeout) are closed; a GET may carry the longest
   * query percent-encoded in its request line, and a form the longest query in one field. No cleartext HTTP/2
   * upgrade (h2c): its own header-size limits cut such a request line off without an answer, and a proxy in front
   * speaks HTTP/1.1 to us anyway.
   */
  private static HttpServerOptions options(AppConfig.EndpointLimits limits) {
    int body = (int) Math.min(Integer.MAX_VALUE, SparqlRoutes.bodyLimit(limits));
    // gzip and deflate by Accept-Encoding, for the types ResponseCompression lets through
    return new HttpServerOptions().setCompressionSupported(true)
        .setCompressionContentSizeThreshold(ResponseCompression.THRESHOLD_BYTES)
        .setHttp2ClearTextEnabled(false).setIdleTimeout((int) Math.max(1, limits.idleTimeout().toMillis()))
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
        .setMaxInitialLineLength(Math.max(HttpServerOptions.DEFAULT_MAX_INITIAL_LINE_LENGTH, body))
        .setMaxFormAttributeSize(Math.max(HttpServerOptions.DEFAULT_MAX_FORM_ATTRIBUTE_SIZE, body))
        .setMaxFormBufferedBytes(Math.max(HttpServerOptions.DEFAULT_MAX_FORM_BUFFERED_SIZE, body));
  }

  /** Mounts every route; called once, when the store holds the vocabulary. */
  public void mount(AppConfig config, PromiseStore store, Iris iris, HarvestRunner harvests) {
    mount(config, store, iris, harvests, new se.loftesgrafen.schedule.LocalHarvests(harvests, "local"));
  }

  /** Mounts every route, the admin endpoint and status on {@code control} (this process's runs, or a fleet's). */
  public void mount(AppConfig config, PromiseStore store, Iris iris, HarvestRunner harvests,
                    se.loftesgrafen.schedule.Harvests control) {
    Duration timeout = config.service().sparqlTimeout();
    DataClock clock = new DataClock(store);
    vertx.setPeriodic(1000, id -> clock.tick()); // a write by another replica is noticed within about 2 s
    java.util.concurrent.atomic.AtomicLong noticed = new java.util.concurrent.atomic.AtomicLong();
    clock.onNewVersion(v -> noticed.incrementAndGet());
    metrics.gauge("loftesgrafen_data_version", "The data version this replica serves (the same on every replica"
        + " of a fleet once it has noticed the last write)", store::version);
    metrics.gauge("loftesgrafen_data_versions_noticed", "New data versions noticed since start, written here or by"
        + " another replica", noticed::get);
    // Names stay under the base IRI; every link a client follows (context, dumps, endpoints) under the public URL.
    String publicUrl = config.publicUrl();
    CatalogBuilder catalog = new CatalogBuilder(iris, config.harvest().schedule(), config.catalog(), publicUrl);
    new MetricsRoutes(metrics, store, blocking).mount(router);
    VocabRoutes.mount(router, iris.base(), publicUrl);
    QueryCache answers = new QueryCache(64L << 20, 1 << 20);
    metrics.gauge("loftesgrafen_sparql_cache_bytes", "Heap bytes of kept SPARQL answers, query texts included (bound:"
        + " 64 MB)", answers::bytes);
    metrics.gauge("loftesgrafen_sparql_cache_entries", "SPARQL answers kept", answers::size);
    new SparqlRoutes(new SparqlExecutor(store, timeout, config.service().sparqlMaxRows(),
        new QueryPolicy(limits.serviceAllowList())), answers, store, sparql, metrics,
        new ServicePages(catalog.serviceDescription().getGraph(), iris.base()), limits).mount(router);
    Representations representations = representations(store);
    new ResourceRoutes(new ResourceDescriber(store, timeout), representations, iris, store, clock,
        new JsonLdFramer(JsonLdContext.url(publicUrl))).mount(router);
    dumps = new DumpRoutes(new DumpWriter(store, iris, config.service().store().resolve("dumps")), store, vertx, metrics);
    dumps.mount(router);
    new CatalogRoutes(catalog, store, representations, clock, dumps).mount(router);
    new HarvestAdminRoutes(config.service().adminToken(), control).mount(router);
    harvestGauges(harvests);
    ComparisonRoutes comparison = ComparisonRoutes.mount(router, store, iris, config, blocking);
    SearchRoutes.mount(router, vertx, store, config, comparison);
    JournalistRoutes.mount(router, comparison, store, iris, config);
    ServerRenderedPage.mount(router, comparison);
    FeedRoutes.mount(router, store, comparison, blocking, iris, timeout, publicUrl);
    se.loftesgrafen.outcomes.OutcomesRoutes.mount(router, store, iris, blocking, timeout);
    new ArchiveRoutes(new se.loftesgrafen.journalist.ArchivedPages(store, iris,
        java.util.List.of(config.harvest().warc()), timeout), blocking).mount(router);
    new EventStreamRoutes(new se.loftesgrafen.graph.stream.EventStream(store, publicUrl + "ldes"), blocking)
        .mount(router);
    WebPageRoutes.mount(router);
    router.route().last().handler(ctx -> {
      String allow = AllowedMethods.of(router, ctx.request().path());
      ctx.fail(allow.isEmpty() ? new HttpError(404, "no such page: " + ctx.request().path())
          : HttpError.methodNotAllowed(allow, "method " + ctx.request().method() + " is not allowed on "
              + ctx.request().path() + ": use " + allow));
    });
    headWhereverGet(router);
    health.storeReady(store);
  }

  /**
   * Resources and catalogue, rendered once per data version: 128 MB of them at most (every municipality and
   * promise of the national synthetic graph in JSON-LD and Turtle take about 85 MB); the 512 most requested are
   * rendered again in the background after a change, once the version has been unchanged for two seconds.
   */
  private Representations representations(PromiseStore store) {
    Representations representations = new Representations(store::version, blocking::run, 128L << 20, 512, 2000);
    metrics.gauge("loftesgrafen_representations_bytes", "Heap bytes of kept representations, keys included",
        representations::bytes);
    metrics.gauge("loftesgrafen_representations_hits", "Requests answered from a kept representation",
        representations::hits);
    metrics.gauge("loftesgrafen_representations_misses", "Requests that had to render their representation",
        representations::misses);
    return representations;
  }

  /**
   * HEAD wherever GET answers (RFC 9110, 9.3.2), in one place rather than per route: every route that takes GET
   * takes HEAD too, and Vert.x sends the same head without the body. Link checkers and portals use HEAD.
   */
  static void headWhereverGet(Router router) {
    for (io.vertx.ext.web.Route route : router.getRoutes()) {
      java.util.Set<io.vertx.core.http.HttpMethod> methods = route.methods();
      if (methods != null && methods.contains(io.vertx.core.http.HttpMethod.GET)
          && !methods.contains(io.vertx.core.http.HttpMethod.HEAD)) {
        route.method(io.vertx.core.http.HttpMethod.HEAD);
      }
    }
  }

  /**
   * Every answer may depend on Accept (RDF, CSV or JSON by negotiation; a 406 too, RFC 9110 12.5.5): caches are told
   * so in every response, whichever route or error answers, unless the route already named Accept.
   */
  private static void varyOnAccept(io.vertx.ext.web.RoutingContext ctx) {
    ctx.addHeadersEndHandler(v -> {
      String vary = ctx.response().headers().get("Vary");
      if (vary == null || vary.isBlank()) {
        ctx.response().putHeader("Vary", "Accept");
      } else if (!ResponseCompression.hasToken(vary, "accept") && !vary.contains("*")) {
        ctx.response().putHeader("Vary", vary + ", Accept");
      }
    });
    ctx.next();
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

  /** The paths of the routes that answer GET, as mounted ({@code /api/themes/:id/municipalities}, {@code /id/*}). */
  public java.util.List<String> getRoutePaths() {
    return router.getRoutes().stream()
        .filter(r -> r.methods() != null && r.methods().contains(io.vertx.core.http.HttpMethod.GET))
        .map(io.vertx.ext.web.Route::getPath).filter(java.util.Objects::nonNull).distinct().toList();
  }

  /** The service's metrics registry (/metrics): the harvester may count into it. */
  public Metrics metrics() {
    return metrics;
  }

  public Future<Void> close() {
    io.vertx.core.Future<Void> dumpsClosed = dumps == null ? Future.succeededFuture() : dumps.close();
    return dumpsClosed.transform(ar -> {
      blocking.close();
      sparql.close();
      health.close();
      return server.close();
    });
  }

  public Vertx vertx() {
    return vertx;
  }
}
