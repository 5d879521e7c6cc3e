package se.loftesgrafen.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.compare.Comparison;
import se.loftesgrafen.graph.compare.ComparisonCache;
import se.loftesgrafen.graph.compare.ComparisonQueries;
import se.loftesgrafen.graph.compare.ComparisonRegister;
import se.loftesgrafen.graph.compare.ComparisonResults;
import se.loftesgrafen.graph.compare.ComparisonThemes;
import se.loftesgrafen.graph.compare.CoverageStatus;
import se.loftesgrafen.graph.compare.MunicipalityLookup;

/**
 * The comparison API under {@code /api/} (documented in webroot/openapi.json): themes × municipalities × years,
 * national overview, a municipality's timeline and similar municipalities, coverage. JSON-LD by default, CSV with
 * {@code Accept: text/csv} or {@code format=csv}. Everything but routing runs on the worker pool.
 */
final class ComparisonRoutes {
  private static final List<String> PAGING = List.of("page", "pageSize", "format");
  private final ComparisonQueries queries;
  private final BlockingWork blocking;
  private final ComparisonJson json;
  /** Set once by {@link #mount(Router, PromiseStore, Iris, AppConfig, BlockingWork)} before the routes are mounted. */
  private se.loftesgrafen.graph.FollowUpQueries followUps;
  private final MunicipalityLookup lookup;
  /** Written answers per request URI and Accept header, for as long as the data does not change. */
  private final ComparisonCache answers;

  private volatile long seenVersion = Long.MIN_VALUE;
  private volatile long seenSince;
  private volatile long warmedVersion = Long.MIN_VALUE;
  private volatile boolean warming;

  ComparisonRoutes(ComparisonQueries queries, BlockingWork blocking, Iris iris, String publicUrl,
                   ComparisonCache answers) {
    this.queries = queries;
    this.blocking = blocking;
    this.json = new ComparisonJson(iris, se.loftesgrafen.vocab.JsonLdContext.url(publicUrl));
    this.lookup = new MunicipalityLookup(queries.register().all());
    this.answers = answers;
  }

  /**
   * Mounts the comparison API. The version-keyed answer cache is on unless the system property
   * {@code loftesgrafen.comparisonCache=false} turns it off (for the benchmark's uncached numbers).
   */
  static ComparisonRoutes mount(Router router, PromiseStore store, Iris iris, AppConfig config, BlockingWork blocking) {
    boolean cached = Boolean.parseBoolean(System.getProperty("loftesgrafen.comparisonCache", "true"));
    boolean viewed = Boolean.parseBoolean(System.getProperty("loftesgrafen.comparisonView", "true"));
    // The comparison queries are fixed and bounded; on a national graph on a busy machine the first, uncached
    // overview can take seconds, so they get at least a minute rather than the public endpoint's limit.
    Duration timeout = config.service().sparqlTimeout().compareTo(Duration.ofMinutes(1)) > 0
        ? config.service().sparqlTimeout() : Duration.ofMinutes(1);
    ComparisonQueries queries = new ComparisonQueries(store, iris, timeout,
        ComparisonRegister.load(), cached, viewed, Clock.systemUTC(), ConfiguredSources.tried(config));
    ComparisonRoutes routes = new ComparisonRoutes(queries, blocking, iris, config.publicUrl(),
        new ComparisonCache(store, 200, cached));
    routes.followUps = new se.loftesgrafen.graph.FollowUpQueries(store, iris, timeout);
    routes.mount(router);
    return routes;
  }

  /**
   * Reads the per-version view ahead of the first question after the data changed, once the version has held still
   * for {@code quietMillis} (a harvest commits often; the view is read once it is done). Called from a timer on the
   * event loop: it only compares numbers and queues work.
   */
  void warmWhenQuiet(long version, long quietMillis) {
    long now = System.currentTimeMillis();
    if (version != seenVersion) {
      seenVersion = version;
      seenSince = now;
      return;
    }
    if (version != warmedVersion && now - seenSince >= quietMillis && !warming) {
      warming = true;
      blocking.run(() -> {
        queries.warm();
        return version;
      }).onComplete(ar -> {
        warming = false;
        if (ar.succeeded()) {
          warmedVersion = ar.result();
        }
      });
    }
  }

  ComparisonQueries queries() {
    return queries;
  }

  ComparisonJson json() {
    return json;
  }

  void mount(Router router) {
    router.get("/api/themes").handler(this::themes);
    router.get("/api/municipalities").handler(this::municipalities);
    router.get("/api/municipalities/lookup").handler(this::lookup);
    router.get("/api/themes/:id/municipalities").handler(this::themeMunicipalities);
    router.get("/api/overview").handler(this::overview);
    router.get("/api/municipalities/:code/timeline").handler(this::timeline);
    router.get("/api/municipalities/:code/similar").handler(this::similar);
    router.get("/api/municipalities/:code/followups").handler(this::followUps);
    router.get("/api/coverage").handler(this::coverage);
  }

  private void themes(RoutingContext ctx) {
    answer(ctx, () -> {
      ComparisonParams p = ComparisonParams.of(ctx, List.of("scheme", "format"));
      ComparisonThemes catalog = queries.themes();
      Optional<String> scheme = p.oneOf("scheme", catalog.schemes());
      List<Comparison.Theme> list = catalog.all().stream()
          .filter(t -> scheme.map(t.scheme()::equals).orElse(true)).toList();
      return output(ctx, p, Comparison.Page.of(list, 1, Math.max(1, list.size())), json::theme,
          List.of("id", "scheme", "label_sv", "label_en", "broader", "iri"),
          t -> List.of(row("id", t.id(), "scheme", t.scheme(), "label_sv", t.labelSv(), "label_en", t.labelEn(),
              "broader", t.broader().map(catalog::id).orElse(""), "iri", t.iri())));
    });
  }

  private void municipalities(RoutingContext ctx) {
    answer(ctx, () -> {
      ComparisonParams p = ComparisonParams.of(ctx, List.of("county", "format"));
      Optional<String> county = p.oneOf("county", queries.register().counties().keySet());
      List<Comparison.Municipality> list = queries.register().all().stream()
          .filter(m -> county.map(m.countyCode()::equals).orElse(true)).toList();
      return output(ctx, p, Comparison.Page.of(list, 1, Math.max(1, list.size())), json::municipality,
          List.of("kommunkod", "municipality", "county_code", "county"), // the columns of every CSV of ours
          m -> List.of(row("kommunkod", m.code(), "municipality", m.name(), "county_code", m.countyCode(), "county",
              m.county())));
    });
  }

  /**
   * The forgiving picker: a name in any case, with or without accents, spaces and hyphens, or an SCB code. Finding
   * nothing is an answer, not an error: {@code matches} is empty and {@code closeMatches} holds the nearest names.
   */
  private void lookup(RoutingContext ctx) {
    answer(ctx, () -> {
      ComparisonParams p = ComparisonParams.of(ctx, List.of("q"));
      MunicipalityLookup.Result r = lookup.find(p.text("q", 100).orElse(""));
      ObjectNode root = ComparisonJson.JSON.createObjectNode().put("query", r.query());
      var matches = root.putArray("matches");
      r.matches().forEach(m -> matches.add(json.municipality(m)));
      var close = root.putArray("closeMatches");
      r.close().forEach(m -> close.add(json.municipality(m)));
      return new Answer("application/json", ComparisonJson.JSON.writeValueAsBytes(root));
    });
  }

  private void themeMunicipalities(RoutingContext ctx) {
    answer(ctx, () -> {
      ComparisonParams p = ComparisonParams.of(ctx, names(ComparisonParams.FILTERS, List.of("narrower"), PAGING));
      ComparisonThemes catalog = queries.themes();
      Comparison.Theme theme = theme(catalog, ctx.pathParam("id"));
      Comparison.Filter filter = p.filter(queries.register().counties().keySet());
      var page = queries.municipalitiesWithTheme(theme, p.flag("narrower", true), filter, p.page(),
          p.pageSize(50, 500));
      return output(ctx, p, page, m -> {
        ObjectNode n = json.municipality(m.municipality());
        var list = n.putArray("matchingCommitments");
        m.commitments().forEach(c -> list.add(json.commitment(c, catalog)));
        return n;
      }, ComparisonCsv.COMMITMENT_COLUMNS, m -> m.commitments().stream()
          .map(c -> ComparisonCsv.commitmentRow(m.municipality(), c, catalog)).toList());
    });
  }

  private void overview(RoutingContext ctx) {
    answer(ctx, () -> {
      ComparisonParams p = ComparisonParams.of(ctx,
          names(ComparisonParams.FILTERS, List.of("scheme", "theme", "groupBy"), PAGING));
      ComparisonThemes catalog = queries.themes();
      Optional<String> scheme = p.oneOf("scheme", catalog.schemes());
      Optional<Comparison.Theme> only = p.text("theme", 100).map(id -> theme(catalog, id));
      boolean byCounty = p.oneOf("groupBy", List.of("year", "county")).map("county"::equals).orElse(false);
      Comparison.Filter filter = p.filter(queries.register().counties().keySet());
      var all = queries.overview(filter, scheme, only, byCounty);
      var page = Comparison.Page.of(all, p.page(), p.pageSize(1000, 5000));
      String group = byCounty ? "county" : "year";
      return output(ctx, p, page, cell -> {
        ObjectNode n = ComparisonJson.JSON.createObjectNode();
        n.put("@type", "api:OverviewCell");
        n.put("theme", cell.theme().id());
        n.putObject("prefLabel").put("sv", cell.theme().labelSv()).put("en", cell.theme().labelEn());
        n.put("scheme", cell.theme().scheme());
        if (byCounty) {
          n.put("countyCode", cell.group());
        } else {
          n.put("year", Integer.parseInt(cell.group()));
        }
        n.put("municipalities", cell.municipalities()).put("reporting", cell.reporting())
            .put("harvested", cell.harvested()).put("registered", cell.registered()).put("shareOfReporting", cell.shareOfReporting())
            .put("shareOfAll", cell.shareOfAll()).put("commitmentCount", cell.commitments());
        return n;
      }, List.of("theme", "scheme", group, "municipalities", "reporting", "harvested", "registered",
          "share_of_reporting", "share_of_all", "commitments"), cell -> List.of(row("theme", cell.theme().id(), "scheme",
          cell.theme().scheme(), group, cell.group(), "municipalities", cell.municipalities(), "reporting",
          cell.reporting(), "harvested", cell.harvested(), "registered", cell.registered(), "share_of_reporting", cell.shareOfReporting(),
          "share_of_all", cell.shareOfAll(), "commitments", cell.commitments())));
    });
  }

  private void timeline(RoutingContext ctx) {
    answer(ctx, () -> {
      ComparisonParams p = ComparisonParams.of(ctx, names(List.of("minConfidence"), PAGING));
      Comparison.Municipality m = municipality(ctx.pathParam("code"));
      ComparisonThemes catalog = queries.themes();
      var page = Comparison.Page.of(queries.timeline(m.code(), p.minConfidence()), p.page(), p.pageSize(100, 500));
      return output(ctx, p, page, e -> {
        ObjectNode n = json.promise(e.promise());
        arrays(n, "theme", e.themes(), "newThemes", e.newThemes(), "continuedThemes", e.continuedThemes(),
            "droppedThemes", e.droppedThemes());
        var list = n.putArray("commitments");
        e.commitments().forEach(c -> list.add(json.commitment(c, catalog)));
        return n;
      }, names(ComparisonCsv.COMMITMENT_COLUMNS, List.of("new_themes", "continued_themes", "dropped_themes")),
          e -> e.commitments().stream().map(c -> {
            Map<String, Object> r = ComparisonCsv.commitmentRow(m, c, catalog);
            r.put("new_themes", String.join("; ", e.newThemes()));
            r.put("continued_themes", String.join("; ", e.continuedThemes()));
            r.put("dropped_themes", String.join("; ", e.droppedThemes()));
            return r;
          }).toList());
    });
  }

  /**
   * What follow-up reports say about a municipality's commitments: per commitment followed up, the status, the
   * evidence and the report with its page. A commitment no report follows up is not listed.
   */
  private void followUps(RoutingContext ctx) {
    answer(ctx, () -> {
      ComparisonParams p = ComparisonParams.of(ctx, PAGING);
      Comparison.Municipality m = municipality(ctx.pathParam("code"));
      var page = Comparison.Page.of(followUps.ofMunicipality(m.code()), p.page(), p.pageSize(100, 500));
      return output(ctx, p, page, json::followUp, ComparisonCsv.FOLLOW_UP_COLUMNS,
          f -> List.of(ComparisonCsv.followUpRow(m, f)));
    });
  }

  private void similar(RoutingContext ctx) {
    answer(ctx, () -> {
      ComparisonParams p = ComparisonParams.of(ctx, names(ComparisonParams.FILTERS, List.of("method"), PAGING));
      Comparison.Municipality m = municipality(ctx.pathParam("code"));
      boolean jaccard = p.oneOf("method", List.of("cosine", "jaccard")).map("jaccard"::equals).orElse(false);
      Comparison.Filter filter = p.filter(queries.register().counties().keySet());
      var page = Comparison.Page.of(queries.similar(m.code(), filter, jaccard), p.page(), p.pageSize(20, 290));
      return output(ctx, p, page, s -> {
        ObjectNode n = ComparisonJson.JSON.createObjectNode();
        n.set("municipality", json.municipality(s.municipality()));
        n.put("score", s.score()).put("method", jaccard ? "jaccard" : "cosine");
        arrays(n, "sharedThemes", s.sharedThemes());
        return n;
      }, List.of("kommunkod", "municipality", "county_code", "score", "shared_themes"),
          s -> List.of(row("kommunkod", s.municipality().code(), "municipality", s.municipality().name(),
              "county_code", s.municipality().countyCode(), "score", s.score(), "shared_themes",
              String.join("; ", s.sharedThemes()))));
    });
  }

  private void coverage(RoutingContext ctx) {
    answer(ctx, () -> {
      ComparisonParams p = ComparisonParams.of(ctx, names(List.of("county", "missing", "status"), PAGING));
      Optional<String> county = p.oneOf("county", queries.register().counties().keySet());
      Optional<Boolean> missing = p.oneOf("missing", List.of("true", "false")).map(Boolean::parseBoolean);
      Optional<String> status = p.oneOf("status", Stream.of(CoverageStatus.values()).map(CoverageStatus::id).toList());
      List<ComparisonResults.Coverage> all = queries.coverage().stream()
          .filter(c -> county.map(c.municipality().countyCode()::equals).orElse(true))
          .filter(c -> missing.map(x -> x == c.missing()).orElse(true))
          .filter(c -> status.map(c.status().id()::equals).orElse(true)).toList();
      var page = Comparison.Page.of(all, p.page(), p.pageSize(300, 300));
      return output(ctx, p, page, c -> {
        ObjectNode n = json.municipality(c.municipality());
        c.latest().ifPresent(l -> n.set("latestPromise", json.promise(l)));
        c.lastHarvest().ifPresent(h -> n.put("lastHarvest", h));
        arrays(n, "sourceKinds", c.sourceKinds());
        var sources = n.putArray("source");
        c.sources().forEach(s -> sources.addObject().put("@id", s.snapshot()).put("url", s.url())
            .put("fetchedAt", s.fetchedAt()));
        n.put("coverage", c.status().id());
        c.lastTried().ifPresent(t -> n.put("lastTried", t));
        if (c.status().harvested()) { // not harvested: nobody looked, so whether a promise is missing is unknown
          n.put("currentPromiseMissing", c.missing());
        }
        return n;
      }, List.of("kommunkod", "municipality", "county_code", "county", "coverage", "latest_promise", "period_start",
          "period_end", "last_harvest", "last_tried", "source_kinds", "source_url", "current_promise_missing"),
          c -> List.of(row("kommunkod", c.municipality().code(), "municipality", c.municipality().name(),
              "county_code", c.municipality().countyCode(), "county", c.municipality().county(),
              "coverage", c.status().id(), "latest_promise", c.latest().map(Comparison.Promise::iri).orElse(""),
              "period_start", c.latest().flatMap(Comparison.Promise::startDate).orElse(""),
              "period_end", c.latest().flatMap(Comparison.Promise::endDate).orElse(""),
              "last_harvest", c.lastHarvest().orElse(""), "last_tried", c.lastTried().orElse(""), "source_kinds", String.join("; ", c.sourceKinds()),
              "source_url", c.sources().isEmpty() ? "" : c.sources().get(0).url(),
              "current_promise_missing", c.status().harvested() ? String.valueOf(c.missing()) : "")));
    });
  }

  private Comparison.Theme theme(ComparisonThemes catalog, String id) {
    return catalog.byId(id).orElseThrow(() -> new HttpError(404, "no theme '" + id + "'; themes: "
        + String.join(", ", catalog.all().stream().map(Comparison.Theme::id).toList())));
  }

  private Comparison.Municipality municipality(String code) {
    return queries.register().municipality(code).orElseThrow(() -> new HttpError(404,
        "no municipality with SCB code '" + code + "' (four digits, e.g. 1492 for Åmål; see /api/municipalities)"));
  }

  /** Writes one page as JSON-LD (or JSON) or as CSV rows. */
  <T> Answer output(RoutingContext ctx, ComparisonParams p, Comparison.Page<T> page,
                    java.util.function.Function<T, ObjectNode> member, List<String> columns,
                    java.util.function.Function<T, List<Map<String, Object>>> rows) throws JsonProcessingException {
    if (p.csv(ctx)) {
      List<Map<String, Object>> out = new ArrayList<>();
      page.items().forEach(item -> out.addAll(rows.apply(item)));
      return new Answer("text/csv; charset=utf-8", ComparisonCsv.write(columns, out));
    }
    ObjectNode body = json.collection(ctx.request().path(), p.given(), page, page.items().stream().map(member).toList());
    return new Answer(p.plainJson() ? "application/json" : "application/ld+json",
        ComparisonJson.JSON.writeValueAsBytes(body));
  }

  void answer(RoutingContext ctx, Callable<Answer> work) {
    String key = ctx.request().uri() + "|" + ctx.request().getHeader("Accept");
    blocking.respond(ctx, () -> answers.get(key, () -> {
      try {
        return work.call();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("cannot answer " + ctx.request().uri(), e);
      }
    }), a -> ctx.response().putHeader("Content-Type", a.contentType())
        .putHeader("Vary", "Accept").end(ContentLength.of(ctx.response(), Buffer.buffer(a.body()))));
  }

  record Answer(String contentType, byte[] body) {
  }

  static Map<String, Object> row(Object... kv) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      out.put((String) kv[i], kv[i + 1]);
    }
    return out;
  }

  private static void arrays(ObjectNode n, Object... kv) {
    for (int i = 0; i + 1 < kv.length; i += 2) {
      var a = n.putArray((String) kv[i]);
      ((List<?>) kv[i + 1]).forEach(v -> a.add(String.valueOf(v)));
    }
  }

  @SafeVarargs
  static List<String> names(List<String>... lists) {
    return Stream.of(lists).flatMap(List::stream).toList();
  }
}
