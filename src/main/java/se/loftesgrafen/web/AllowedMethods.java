package se.loftesgrafen.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The methods the router's routes take for a path, read from the routes themselves, so that a request no route
 * took is told 405 with {@code Allow} when the path exists under another method (RFC 9110, 15.5.6), and 404 only
 * when it does not exist at all. The web page's catch-all ({@code /*}, static files) is left out: it would make
 * every path exist.
 */
final class AllowedMethods {
  private AllowedMethods() {}

  /** The methods, as an Allow value ("GET, HEAD"), or empty when no route with methods has the path. */
  static String of(Router router, String path) {
    Set<String> methods = new TreeSet<>();
    for (Route route : router.getRoutes()) {
      Set<HttpMethod> taken = route.methods();
      if (taken != null && !taken.isEmpty() && matches(route, path)) {
        taken.forEach(m -> methods.add(m.name()));
      }
    }
    return String.join(", ", methods);
  }

  private static boolean matches(Route route, String path) {
    String pattern = route.getPath();
    if (pattern == null) {
      return false; // a route by regular expression: none of ours
    }
    if (pattern.contains(":")) {
      return path.matches(paramRegex(pattern)); // Vert.x keeps "/dumps/:file" as a regex path with its text
    }
    if (!route.isExactPath()) {
      return !pattern.equals("/") && (path.startsWith(pattern) || path.equals(pattern.substring(0,
          pattern.length() - 1)));
    }
    return path.equals(pattern) || path.equals(pattern + "/");
  }

  private static String paramRegex(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (String part : pattern.split("/", -1)) {
      if (!regex.isEmpty() || !part.isEmpty()) {
        regex.append('/');
      }
      regex.append(part.startsWith(":") ? "[^/]+" : Pattern.quote(part));
    }
    return regex.toString();
  }
}
