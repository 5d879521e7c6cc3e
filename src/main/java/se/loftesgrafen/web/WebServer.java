package se.loftesgrafen.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Instant;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.ResourceDescriber;

/** The HTTP service: one router, every route class mounted on it, one failure handler. */
public final class WebServer {
  private final Vertx vertx;
  private final HttpServer server;
  private final BlockingWork blocking;

  private WebServer(Vertx vertx, HttpServer server, BlockingWork blocking) {
    this.vertx = vertx;
    this.server = server;
    this.blocking = blocking;
  }

  /** Starts listening; the future fails when the port cannot be bound. */
  public static Future<WebServer> start(Vertx vertx, AppConfig config, PromiseStore store, Iris iris) {
    BlockingWork blocking = new BlockingWork(vertx, 16);
    Router router = Router.router(vertx);
    router.route().handler(new AccessLog());
    HealthRoutes.mount(router, store, blocking, Instant.now());
    new SparqlRoutes(store, blocking, config.service().sparqlTimeout()).mount(router);
    new ResourceRoutes(new ResourceDescriber(store, config.service().sparqlTimeout()), blocking, iris).mount(router);
    router.route().last().handler(ctx -> ctx.fail(new HttpError(404, "no such page: " + ctx.request().path())));
    router.route().failureHandler(new FailureHandler());
    return vertx.createHttpServer().requestHandler(router).listen(config.service().port())
        .map(server -> new WebServer(vertx, server, blocking));
  }

  public int port() {
    return server.actualPort();
  }

  public Future<Void> close() {
    blocking.close();
    return server.close();
  }

  public Vertx vertx() {
    return vertx;
  }
}
