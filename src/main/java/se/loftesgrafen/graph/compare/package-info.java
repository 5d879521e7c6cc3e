/**
 * The comparisons of issue 7 (theme × municipality × year, the national overview, a municipality's timeline,
 * similar municipalities, coverage), answered by {@link se.loftesgrafen.graph.compare.ComparisonQueries} from rows
 * read by {@code ComparisonSparql} (queries/compare-*.rq) and kept per data version
 * ({@link se.loftesgrafen.graph.compare.ComparisonCache}). The values are records in
 * {@link se.loftesgrafen.graph.compare.Comparison} and {@link se.loftesgrafen.graph.compare.ComparisonResults};
 * the themes with their broader/narrower links are {@link se.loftesgrafen.graph.compare.ComparisonThemes}, the
 * municipality register {@link se.loftesgrafen.graph.compare.ComparisonRegister}. The web layer writes them as
 * JSON-LD or CSV.
 */
package se.loftesgrafen.graph.compare;
