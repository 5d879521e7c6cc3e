package se.loftesgrafen.journalist;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.compare.Comparison;
import se.loftesgrafen.graph.compare.ComparisonCache;
import se.loftesgrafen.graph.compare.ComparisonQueries;
import se.loftesgrafen.graph.compare.ComparisonResults;

/**
 * Builds the {@link SinceWhen} grid of a theme from the comparison view: the promises of the store (which years each
 * municipality has data for) and the commitments on the theme or a narrower theme (which of those years mention
 * it). Grids are kept per data version; every call may block on the store.
 */
public final class SinceWhenGrids {
  private final ComparisonQueries queries;
  private final ComparisonCache grids;

  public SinceWhenGrids(ComparisonQueries queries, PromiseStore store) {
    this.queries = queries;
    this.grids = new ComparisonCache(store, 100, true);
  }

  public ComparisonQueries queries() {
    return queries;
  }

  /** The national grid of a theme (commitments on narrower themes count for it). */
  public SinceWhen of(Comparison.Theme theme) {
    return grids.get("since|" + theme.id(), () -> build(theme));
  }

  private SinceWhen build(Comparison.Theme theme) {
    Map<String, Map<Integer, Year>> byCode = new HashMap<>();
    TreeSet<Integer> allYears = new TreeSet<>();
    for (ComparisonResults.SourcedPromise p : queries.promises()) {
      if (p.promise().years().isEmpty()) {
        continue;
      }
      Comparison.Years span = p.promise().years().get();
      for (String code : p.promise().municipalities()) {
        for (int y = span.from(); y <= span.to(); y++) {
          allYears.add(y);
          Year cell = byCode.computeIfAbsent(code, c -> new HashMap<>()).computeIfAbsent(y, x -> new Year());
          cell.promises.add(p.promise().iri());
          p.sources().forEach(s -> {
            cell.sources.add(s.url());
            cell.snapshots.add(s.snapshot());
          });
        }
      }
    }
    var withTheme = queries.municipalitiesWithTheme(theme, true, Comparison.Filter.NONE, 1, 10_000);
    for (ComparisonResults.MunicipalityCommitments m : withTheme.items()) {
      for (Comparison.Commitment c : m.commitments()) {
        c.promise().years().ifPresent(span -> {
          for (int y = span.from(); y <= span.to(); y++) {
            Year cell = byCode.computeIfAbsent(m.municipality().code(), k -> new HashMap<>())
                .computeIfAbsent(y, x -> new Year());
            cell.commitments.add(c.iri());
            allYears.add(y);
          }
        });
      }
    }
    List<Integer> axis = new ArrayList<>();
    if (!allYears.isEmpty()) {
      for (int y = allYears.first(); y <= allYears.last(); y++) {
        axis.add(y);
      }
    }
    List<SinceWhen.Row> rows = new ArrayList<>();
    int harvested = 0;
    for (Comparison.Municipality m : queries.register().all()) {
      Map<Integer, Year> years = byCode.getOrDefault(m.code(), Map.of());
      if (!years.isEmpty()) {
        harvested++;
      }
      List<SinceWhen.Cell> cells = new ArrayList<>(axis.size());
      for (int y : axis) {
        Year cell = years.get(y);
        cells.add(cell == null ? new SinceWhen.Cell(y, SinceWhen.Status.NONE, List.of(), List.of(), List.of(), List.of())
            : cell.toCell(y));
      }
      rows.add(new SinceWhen.Row(m.code(), m.name(), m.countyCode(), m.county(), cells));
    }
    return new SinceWhen(theme.id(), axis, rows, harvested, queries.register().size());
  }

  /** What is known of one municipality's year while the grid is built. */
  private static final class Year {
    final Set<String> commitments = new LinkedHashSet<>();
    final Set<String> promises = new LinkedHashSet<>();
    final Set<String> sources = new LinkedHashSet<>();
    final Set<String> snapshots = new LinkedHashSet<>();

    SinceWhen.Cell toCell(int year) {
      SinceWhen.Status status = !commitments.isEmpty() ? SinceWhen.Status.WITH
          : promises.isEmpty() ? SinceWhen.Status.NONE : SinceWhen.Status.WITHOUT;
      return new SinceWhen.Cell(year, status, List.copyOf(commitments), List.copyOf(promises), List.copyOf(sources),
          List.copyOf(snapshots));
    }
  }
}
