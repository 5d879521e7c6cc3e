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

  /** The columns of a municipality's follow-ups: one row per commitment a report follows up. */
  static final List<String> FOLLOW_UP_COLUMNS = List.of("kommunkod", "commitment_iri", "status",
      "unclear_reason", "evidence", "report_iri", "report_url");

  static Map<String, Object> followUpRow(Comparison.Municipality m, se.loftesgrafen.graph.FollowUpQueries.CommitmentFollowUp f) {
    Map<String, Object> r = new java.util.LinkedHashMap<>();
    r.put("kommunkod", m.code());
    r.put("commitment_iri", f.commitment());
    r.put("status", f.status());
    r.put("unclear_reason", f.unclearReason().orElse(""));
    r.put("evidence", String.join(" | ", f.evidence().stream().map(se.loftesgrafen.graph.FollowUpQueries.Evidence::text).toList()));
    r.put("report_iri", f.report());
    r.put("report_url", f.url());
    return r;
  }

  static byte[] write(List<String> columns, List<Map<String, Object>> rows) {
    return CommitmentCsv.write(columns, rows);
  }
}
