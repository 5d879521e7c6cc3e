package se.loftesgrafen.outcomes;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.web.BlockingWork;
import se.loftesgrafen.web.HttpError;

/**
 * {@code GET /api/outcomes?theme=narkotika&year=2019&measure=anmalda_narkotikabrott_per_100k}: the outcomes
 * comparison as JSON, or as CSV ({@code format=csv} or {@code Accept: text/csv}) with a Link to its CSVW metadata
 * ({@code /api/outcomes/csv-metadata.json?...}, tabular-data-model §5.2). Queries run on the worker pool; errors go
 * to the failure handler as {@link HttpError}.
 */
public final class OutcomesRoutes {
  public static final String DEFAULT_MEASURE = "anmalda_brott_totalt_per_100k";
  private static final Set<String> PARAMS = Set.of("theme", "year", "measure", "format");
  private final OutcomeComparison comparison;
  private final BlockingWork blocking;

  OutcomesRoutes(OutcomeComparison comparison, BlockingWork blocking) {
    this.comparison = comparison;
    this.blocking = blocking;
  }

  public static void mount(Router router, PromiseStore store, Iris iris, BlockingWork blocking, Duration timeout) {
    OutcomesRoutes routes = new OutcomesRoutes(OutcomeComparison.bundled(store, iris, timeout), blocking);
    router.get("/api/outcomes").handler(routes::outcomes);
    router.get("/api/outcomes/csv-metadata.json").handler(routes::metadata);
  }

  private record Answer(String contentType, byte[] body, Optional<String> link) {
  }

  private void outcomes(RoutingContext ctx) {
    respond(ctx, () -> {
      OutcomeComparison.Result r = result(ctx);
      if (csv(ctx)) {
        String query = ctx.request().query() == null ? "" : "?" + ctx.request().query();
        return new Answer("text/csv; charset=utf-8", OutcomeAnswers.csv(r), Optional.of(
            "</api/outcomes/csv-metadata.json" + query + ">; rel=\"describedby\"; type=\"application/csvm+json\""));
      }
      return new Answer("application/json", OutcomeAnswers.json(r), Optional.empty());
    });
  }

  private void metadata(RoutingContext ctx) {
    respond(ctx, () -> {
      OutcomeComparison.Result r = result(ctx);
      String csvUrl = "/api/outcomes?" + Optional.ofNullable(ctx.request().query()).orElse("");
      return new Answer("application/csvm+json", OutcomeAnswers.csvMetadata(r, csvUrl), Optional.empty());
    });
  }

  private OutcomeComparison.Result result(RoutingContext ctx) {
    for (String name : ctx.queryParams().names()) {
      if (!PARAMS.contains(name)) {
        throw new HttpError(400, "unknown parameter '" + name + "'; allowed: theme, year, measure, format");
      }
    }
    String theme = one(ctx, "theme").orElseThrow(() -> new HttpError(400,
        "parameter 'theme' is required: a theme id, e.g. narkotika (see /api/themes)"));
    if (!theme.matches("[a-z0-9-]{1,60}") || !comparison.isTheme(theme)) {
      throw new HttpError(404, "no theme '" + theme + "' (see /api/themes for the ids)");
    }
    String yearText = one(ctx, "year").orElseThrow(() -> new HttpError(400,
        "parameter 'year' is required: the year of the commitments, e.g. 2019"));
    if (!yearText.matches("[0-9]{4}")) {
      throw new HttpError(400, "parameter 'year' is '" + yearText + "'; allowed: a year, e.g. 2019");
    }
    String slug = one(ctx, "measure").orElse(DEFAULT_MEASURE);
    Measure measure = comparison.data().measure(slug).orElseThrow(() -> new HttpError(400,
        "parameter 'measure' is '" + slug + "'; allowed: " + String.join(", ",
            comparison.data().measures().stream().map(Measure::slug).toList())));
    return comparison.compare(theme, Integer.parseInt(yearText), measure);
  }

  private static Optional<String> one(RoutingContext ctx, String name) {
    List<String> all = ctx.queryParams().getAll(name);
    if (all.size() > 1) {
      throw new HttpError(400, "parameter '" + name + "' is given " + all.size() + " times; give it once");
    }
    return all.isEmpty() || all.get(0).isBlank() ? Optional.empty() : Optional.of(all.get(0).trim());
  }

  private static boolean csv(RoutingContext ctx) {
    Optional<String> format = one(ctx, "format");
    if (format.isPresent()) {
      if (!List.of("json", "csv").contains(format.get())) {
        throw new HttpError(400, "parameter 'format' is '" + format.get() + "'; allowed: json, csv");
      }
      return format.get().equals("csv");
    }
    String accept = Optional.ofNullable(ctx.request().getHeader("Accept")).orElse("");
    return accept.contains("text/csv") && !accept.contains("json");
  }

  private void respond(RoutingContext ctx, Callable<Answer> work) {
    blocking.respond(ctx, work, a -> {
      a.link().ifPresent(l -> ctx.response().putHeader("Link", l));
      Buffer body = Buffer.buffer(a.body());
      // the length GET sends, on HEAD too (Vert.x sets it by itself only for GET)
      ctx.response().putHeader("Content-Type", a.contentType()).putHeader("Vary", "Accept")
          .putHeader("Content-Length", Integer.toString(body.length())).end(body);
    });
  }
}
