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
    router.route("/*").method(io.vertx.core.http.HttpMethod.HEAD).handler(WebPageRoutes::headType);
    CompressedWebroot gzipped = new CompressedWebroot();
    router.route("/*").method(io.vertx.core.http.HttpMethod.GET).method(io.vertx.core.http.HttpMethod.HEAD)
        .handler(gzipped);
    router.get("/*").handler(files);
  }

  /**
   * Vert.x's StaticHandler answers HEAD without the Content-Type its GET sends; set it as that GET does (text types
   * with the charset), so a HEAD gives the head of the GET (RFC 9110, 9.3.2).
   */
  private static void headType(io.vertx.ext.web.RoutingContext ctx) {
    String path = ctx.normalizedPath();
    String file = path.endsWith("/") ? path + "index.html" : path;
    String type = io.vertx.core.http.MimeMapping.mimeTypeForFilename(file);
    if (type != null) {
      ctx.response().putHeader("Content-Type", type.startsWith("text") ? type + ";charset=UTF-8" : type);
    }
    ctx.next();
  }
}
