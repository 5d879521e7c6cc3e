package se.loftesgrafen.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.compare.Comparison;
import se.loftesgrafen.graph.compare.ComparisonQueries;
import se.loftesgrafen.graph.compare.ComparisonThemes;
import se.loftesgrafen.search.SearchDocuments;
import se.loftesgrafen.search.SearchIndex;
import se.loftesgrafen.search.SearchQuery;

/**
 * {@code GET /api/search}: full-text search over commitments with Swedish analysis, combined with the comparison
 * filters; each hit carries its text with the matches marked ({@code highlight}, HTML with {@code <mark>}).
 * The index is rebuilt on its own thread when the data changes; a timer notices changes between requests.
 */
final class SearchRoutes {
  private static final long WATCH_MILLIS = 1000;
  private static final java.time.Duration INDEX_QUERY_TIMEOUT = java.time.Duration.ofMinutes(10);
  private final SearchIndex index;
  private final ComparisonRoutes comparisons;

  private SearchRoutes(SearchIndex index, ComparisonRoutes comparisons) {
    this.index = index;
    this.comparisons = comparisons;
  }

  static SearchRoutes mount(Router router, Vertx vertx, PromiseStore store, AppConfig config,
                            ComparisonRoutes comparisons) {
    // Reading every commitment is our own bounded query, not a visitor's: it gets more time than the public limit.
    SearchIndex index = new SearchIndex(store, new SearchDocuments(store, INDEX_QUERY_TIMEOUT));
    index.refresh();
    // Only checks a counter and queues work: safe on the event loop.
    vertx.setPeriodic(WATCH_MILLIS, id -> {
      if (index.stale()) {
        index.refresh();
      }
      comparisons.warmWhenQuiet(store.version(), 2 * WATCH_MILLIS);
    });
    SearchRoutes routes = new SearchRoutes(index, comparisons);
    router.get("/api/search").handler(routes::search);
    return routes;
  }

  private void search(RoutingContext ctx) {
    ComparisonQueries queries = comparisons.queries();
    comparisons.answer(ctx, () -> {
      ComparisonParams p = ComparisonParams.of(ctx,
          ComparisonRoutes.names(List.of("q", "theme", "lang"), ComparisonParams.FILTERS,
              List.of("page", "pageSize", "format")));
      boolean english = p.oneOf("lang", List.of("sv", "en")).map("en"::equals).orElse(false);
      ComparisonThemes catalog = queries.themes();
      Set<String> themes = p.text("theme", 100).map(id -> catalog.byId(id).orElseThrow(() -> ComparisonParams.bad(
              "parameter 'theme' is '" + id + "'; allowed: " + catalog.all().stream().map(Comparison.Theme::id)
                  .collect(Collectors.joining(", ")))))
          .map(t -> catalog.withNarrower(t.iri())).orElse(Set.of());
      Comparison.Filter filter = p.filter(queries.register().counties().keySet());
      int page = p.page();
      int pageSize = p.pageSize(20, 200);
      Comparison.Page<SearchQuery.Hit> hits;
      try {
        hits = index.search(p.text("q", 500).orElse(""), themes, filter, page, pageSize, english);
      } catch (IllegalArgumentException e) {
        throw ComparisonParams.bad(e.getMessage());
      } catch (IllegalStateException e) {
        throw new HttpError(503, e.getMessage());
      }
      Map<String, Comparison.Commitment> details = queries.commitments(
          hits.items().stream().map(SearchQuery.Hit::commitment).toList()).stream()
          .collect(Collectors.toMap(Comparison.Commitment::iri, Function.identity(), (a, b) -> a));
      List<Found> found = hits.items().stream().filter(h -> details.containsKey(h.commitment()))
          .map(h -> new Found(h, details.get(h.commitment()))).toList();
      Comparison.Page<Found> out = new Comparison.Page<>(found, hits.total(), page, pageSize);
      return comparisons.output(ctx, p, out, f -> {
        ObjectNode n = comparisons.json().commitment(f.commitment(), catalog);
        n.put("highlight", f.hit().highlight());
        n.put("score", Math.round(f.hit().score() * 1000) / 1000.0);
        return n;
      }, ComparisonRoutes.names(ComparisonCsv.COMMITMENT_COLUMNS, List.of("highlight")), f -> {
        String code = f.commitment().promise().municipalities().isEmpty() ? "0000"
            : f.commitment().promise().municipalities().get(0);
        Map<String, Object> row = ComparisonCsv.commitmentRow(queries.municipality(code), f.commitment(), catalog);
        row.put("highlight", f.hit().highlight());
        return List.of(row);
      });
    });
  }

  private record Found(SearchQuery.Hit hit, Comparison.Commitment commitment) {
  }
}
