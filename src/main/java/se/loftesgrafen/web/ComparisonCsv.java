package se.loftesgrafen.web;

import java.util.List;
import java.util.Map;
import se.loftesgrafen.graph.compare.Comparison;
import se.loftesgrafen.graph.compare.ComparisonThemes;
import se.loftesgrafen.graph.dump.CommitmentCsv;

/**
 * Writes comparison answers as CSV: one row per commitment (themes, timeline, search) in the one commitment schema
 * that the dump has too ({@link CommitmentCsv}), or per member (overview, similar, coverage); the same rows and
 * paging as the JSON-LD. Lists are joined with "; ".
 */
final class ComparisonCsv {
  static final List<String> COMMITMENT_COLUMNS = CommitmentCsv.COLUMNS;

  private ComparisonCsv() {}

  /** A commitment row; {@code extra} columns (e.g. the highlight) come last. */
  static Map<String, Object> commitmentRow(Comparison.Municipality m, Comparison.Commitment c, ComparisonThemes themes) {
    return CommitmentCsv.row(m, c, themes);
  }

  static byte[] write(List<String> columns, List<Map<String, Object>> rows) {
    return CommitmentCsv.write(columns, rows);
  }
}
