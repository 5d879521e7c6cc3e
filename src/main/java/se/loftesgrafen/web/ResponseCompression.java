package se.loftesgrafen.web;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which answers are compressed: the server negotiates gzip and deflate with {@code Accept-Encoding}
 * ({@code HttpServerOptions.setCompressionSupported}), and this handler keeps it to the page and API types that gain
 * from it (HTML, CSS, JavaScript, JSON and its {@code +json} kinds, SVG, Atom) by marking every other answer
 * {@code Content-Encoding: identity}, which Vert.x removes before sending. So the dumps' gzip files stay
 * {@code application/gzip} as they are, the server-sent events stream unbuffered, and large RDF answers cost no CPU
 * on the fly. A compressible answer says {@code Vary: Accept-Encoding} for caches.
 */
final class ResponseCompression implements io.vertx.core.Handler<RoutingContext> {
  /** Media types compressed when the client asks (suffixes match {@code application/x+json}, {@code +xml}). */
  static final List<String> COMPRESSIBLE = List.of("text/html", "text/css", "text/javascript",
      "application/javascript", "application/json", "+json", "image/svg+xml", "application/atom+xml");
  /** Below this many bytes gzip saves less than its header costs. */
  static final int THRESHOLD_BYTES = 1024;

  @Override
  public void handle(RoutingContext ctx) {
    boolean head = ctx.request().method() == io.vertx.core.http.HttpMethod.HEAD;
    ctx.addHeadersEndHandler(v -> mark(ctx.response(), head));
    ctx.next();
  }

  private static void mark(HttpServerResponse response, boolean head) {
    if (response.headers().contains("Content-Encoding")) {
      return; // already coded (a dump's gzip file as the coding of its N-Quads)
    }
    if (!compressible(response.headers().get("Content-Type"))) {
      // Netty's encoder never sees HEAD, 204 and 304 answers, so the marker would reach the client there
      int status = response.getStatusCode();
      if (!head && status != 204 && status != 304 && status >= 200) {
        response.putHeader("Content-Encoding", "identity");
      }
      return;
    }
    String vary = response.headers().get("Vary");
    if (vary == null || vary.isBlank()) {
      response.putHeader("Vary", "Accept-Encoding");
    } else if (!hasToken(vary, "accept-encoding") && !vary.contains("*")) {
      response.putHeader("Vary", vary + ", Accept-Encoding");
    }
  }

  static boolean compressible(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return COMPRESSIBLE.stream().anyMatch(c -> c.startsWith("+") ? type.endsWith(c) : type.equals(c));
  }

  /** Whether a comma-separated header holds this token (case-insensitive). */
  static boolean hasToken(String header, String token) {
    return Arrays.stream(header.split(",")).map(String::strip).anyMatch(token::equalsIgnoreCase);
  }
}
