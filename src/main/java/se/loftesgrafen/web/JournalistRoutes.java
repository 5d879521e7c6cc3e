package se.loftesgrafen.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.compare.Comparison;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.harvest.SourcesFile;
import se.loftesgrafen.journalist.DemoData;
import se.loftesgrafen.journalist.MapShapes;
import se.loftesgrafen.journalist.PromiseSignatories;
import se.loftesgrafen.journalist.MapSvg;
import se.loftesgrafen.journalist.SinceWhen;
import se.loftesgrafen.journalist.SinceWhenGrids;

/**
 * The journalist's views of a theme (issue 13): the map of Sweden as SVG and the "since when" grid as JSON or CSV.
 * Answers go through the comparison API's worker pool and version-keyed answer cache.
 *
 * <pre>
 * GET /api/themes/{id}/map.svg?year=2021 | from=2019&amp;to=2021 [&amp;county=14] [&amp;lang=en]
 * GET /api/themes/{id}/since [?county=14] [&amp;format=csv]
 * </pre>
 */
final class JournalistRoutes {
  static final List<String> GRID_COLUMNS = List.of("kommunkod", "municipality", "county_code", "county",
      "year", "status", "first_year", "commitments", "commitment_iris", "source_urls", "snapshots");
  private final ComparisonRoutes comparison;
  private final SinceWhenGrids grids;
  private final MapSvg map;
  private final PromiseSignatories signatories;
  private final DemoData demo;

  JournalistRoutes(ComparisonRoutes comparison, SinceWhenGrids grids, MapSvg map, PromiseSignatories signatories,
                   DemoData demo) {
    this.comparison = comparison;
    this.grids = grids;
    this.map = map;
    this.signatories = signatories;
    this.demo = demo;
  }

  /** Mounts the routes; the map shapes are read once, here (at mount, not on the event loop). */
  static JournalistRoutes mount(Router router, ComparisonRoutes comparison, PromiseStore store, Iris iris,
                                AppConfig config) {
    Duration timeout = config.service().sparqlTimeout();
    Set<URI> sample = new HashSet<>();
    if (Files.isRegularFile(config.harvest().sampleSources())) {
      SourcesFile.read(config.harvest().sampleSources()).forEach(s -> {
        s.originalUrl().ifPresent(sample::add);
        sample.add(s.location());
      });
    }
    JournalistRoutes routes = new JournalistRoutes(comparison, new SinceWhenGrids(comparison.queries(), store),
        new MapSvg(MapShapes.load()), new PromiseSignatories(store, iris, timeout), new DemoData(store, sample, timeout));
    router.get("/api/themes/:id/map.svg").handler(routes::map);
    router.get("/api/themes/:id/since").handler(routes::since);
    router.get("/api/municipalities/:code/signatories").handler(routes::signatories);
    router.get("/api/status").handler(routes::status);
    return routes;
  }

  private void signatories(RoutingContext ctx) {
    comparison.answer(ctx, () -> {
      ComparisonParams.of(ctx, List.of());
      String code = ctx.pathParam("code");
      if (comparison.queries().register().municipality(code).isEmpty()) {
        throw new HttpError(404, "no municipality with SCB code '" + code
            + "' (four digits, e.g. 1492 for Åmål; see /api/municipalities)");
      }
      ObjectNode root = ComparisonJson.JSON.createObjectNode().put("municipality", code);
      ArrayNode promises = root.putArray("promises");
      signatories.of(code).forEach((promise, list) -> {
        ObjectNode p = promises.addObject().put("promise", promise);
        ArrayNode people = p.putArray("signatories");
        list.forEach(s -> {
          ObjectNode n = people.addObject().put("@id", s.iri()).put("name", s.name());
          s.role().ifPresent(v -> n.put("role", v));
          s.party().ifPresent(v -> n.put("party", v));
          s.organisation().ifPresent(v -> n.put("organisation", v));
        });
      });
      return new ComparisonRoutes.Answer("application/json", ComparisonJson.JSON.writeValueAsBytes(root));
    });
  }

  /** Whether only the bundled sample is loaded (the page's demo banner), and how many snapshots there are. */
  private void status(RoutingContext ctx) {
    comparison.answer(ctx, () -> {
      ComparisonParams.of(ctx, List.of());
      DemoData.Status s = demo.status();
      ObjectNode root = ComparisonJson.JSON.createObjectNode().put("demo", s.demo()).put("snapshots", s.snapshots())
          .put("snapshotsOutsideSample", s.others());
      return new ComparisonRoutes.Answer("application/json", ComparisonJson.JSON.writeValueAsBytes(root));
    });
  }

  SinceWhenGrids grids() {
    return grids;
  }

  private void map(RoutingContext ctx) {
    comparison.answer(ctx, () -> {
      ComparisonParams p = ComparisonParams.of(ctx, List.of("year", "from", "to", "county", "lang"));
      Comparison.Theme theme = theme(ctx);
      Comparison.Filter filter = p.filter(comparison.queries().register().counties().keySet());
      String lang = p.oneOf("lang", List.of("sv", "en")).orElse("sv");
      SinceWhen grid = grids.of(theme);
      int latest = grid.yearsWithData().isEmpty() ? java.time.Year.now().getValue()
          : grid.yearsWithData().get(grid.yearsWithData().size() - 1);
      int from = filter.from().orElse(filter.to().orElse(latest));
      int to = filter.to().orElse(from);
      String svg = map.render(grid, theme, from, to, filter.county(), lang, "/");
      return new ComparisonRoutes.Answer("image/svg+xml; charset=utf-8", svg.getBytes(StandardCharsets.UTF_8));
    });
  }

  private void since(RoutingContext ctx) {
    comparison.answer(ctx, () -> {
      ComparisonParams p = ComparisonParams.of(ctx, List.of("county", "format", "rows"));
      Comparison.Theme theme = theme(ctx);
      // rows=false: the years and counts without the 290 rows, all a map needs beside its SVG (a fraction of the bytes)
      boolean withRows = p.flag("rows", true);
      Optional<String> county = p.oneOf("county", comparison.queries().register().counties().keySet());
      SinceWhen national = grids.of(theme);
      SinceWhen grid = national.inCounty(county);
      if (p.csv(ctx)) {
        return new ComparisonRoutes.Answer("text/csv; charset=utf-8", ComparisonCsv.write(GRID_COLUMNS, rows(grid)));
      }
      ObjectNode root = ComparisonJson.JSON.createObjectNode();
      root.set("theme", comparison.json().theme(theme));
      ArrayNode years = root.putArray("years");
      grid.years().forEach(years::add);
      ArrayNode known = root.putArray("yearsWithData");
      national.yearsWithData().forEach(known::add);
      root.put("harvested", grid.harvested()).put("registered", grid.registered());
      county.ifPresent(c -> root.put("county", c));
      if (!withRows) {
        return new ComparisonRoutes.Answer("application/json", ComparisonJson.JSON.writeValueAsBytes(root));
      }
      ArrayNode list = root.putArray("municipalities");
      for (SinceWhen.Row row : grid.rows()) {
        ObjectNode r = list.addObject().put("code", row.code()).put("name", row.name())
            .put("countyCode", row.countyCode()).put("county", row.county());
        row.firstYear().ifPresentOrElse(y -> r.put("firstYear", y), () -> r.putNull("firstYear"));
        ArrayNode gaps = r.putArray("gaps");
        row.gaps().forEach(gaps::add);
        ArrayNode cells = r.putArray("cells");
        for (SinceWhen.Cell c : row.cells()) {
          ObjectNode cell = cells.addObject().put("year", c.year()).put("status", c.status().id());
          strings(cell.putArray("commitments"), c.commitments());
          strings(cell.putArray("promises"), c.promises());
          strings(cell.putArray("sources"), c.sources());
          strings(cell.putArray("snapshots"), c.snapshots());
        }
      }
      return new ComparisonRoutes.Answer("application/json", ComparisonJson.JSON.writeValueAsBytes(root));
    });
  }

  private static List<Map<String, Object>> rows(SinceWhen grid) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (SinceWhen.Row row : grid.rows()) {
      String first = row.firstYear().map(String::valueOf).orElse("");
      for (SinceWhen.Cell c : row.cells()) {
        out.add(ComparisonRoutes.row("kommunkod", row.code(), "municipality", row.name(), "county_code",
            row.countyCode(), "county", row.county(), "year", c.year(), "status", c.status().id(), "first_year", first,
            "commitments", c.commitments().size(), "commitment_iris", String.join("; ", c.commitments()),
            "source_urls", String.join("; ", c.sources()), "snapshots", String.join("; ", c.snapshots())));
      }
    }
    return out;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private Comparison.Theme theme(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    var catalog = comparison.queries().themes();
    return catalog.byId(id).orElseThrow(() -> new HttpError(404, "no theme '" + id + "'; themes: "
        + String.join(", ", catalog.all().stream().map(Comparison.Theme::id).toList())));
  }
}
