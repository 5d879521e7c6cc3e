package se.loftesgrafen.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The web page at {@code /} and its files, served from the classpath folder {@code webroot/} (so it works from the
 * jar, with no network at run time), and the OpenAPI document of the API at {@code /api/openapi.json}.
 */
final class WebPageRoutes {
  private WebPageRoutes() {}

  static void mount(Router router) {
    StaticHandler files = StaticHandler.create("webroot").setFilesReadOnly(true).setDefaultContentEncoding("UTF-8")
        .setMaxAgeSeconds(60).setIndexPage("index.html");
    router.get("/api/openapi.json").handler(ctx -> {
      ctx.reroute("/openapi.json");
    });
    router.get("/*").handler(files);
  }
}
