package se.loftesgrafen.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import se.loftesgrafen.graph.Comparison;
import se.loftesgrafen.graph.ComparisonThemes;

/**
 * Writes comparison answers as CSV (RFC 4180, UTF-8, a header row) through Jackson's CSV writer: one row per
 * commitment (themes, timeline, search) or per member (overview, similar, coverage), the same rows and paging as
 * the JSON-LD. Lists are joined with "; ".
 */
final class ComparisonCsv {
  static final List<String> COMMITMENT_COLUMNS = List.of("municipality_code", "municipality", "county_code", "county",
      "promise", "period_start", "period_end", "period_text", "commitment", "text", "kind", "actors", "themes",
      "targets", "source_url", "snapshot", "fetched_at");
  private static final CsvMapper CSV = new CsvMapper();

  private ComparisonCsv() {}

  /** A commitment row; {@code extra} columns (e.g. the highlight) come last. */
  static Map<String, Object> commitmentRow(Comparison.Municipality m, Comparison.Commitment c, ComparisonThemes themes) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("municipality_code", m.code());
    row.put("municipality", m.name());
    row.put("county_code", m.countyCode());
    row.put("county", m.county());
    row.put("promise", c.promise().iri());
    row.put("period_start", c.promise().years().map(y -> String.valueOf(y.from())).orElse(""));
    row.put("period_end", c.promise().years().map(y -> String.valueOf(y.to())).orElse(""));
    row.put("period_text", c.promise().periodText());
    row.put("commitment", c.iri());
    row.put("text", c.text());
    row.put("kind", c.kind());
    row.put("actors", String.join("; ", c.actors()));
    row.put("themes", c.themes().stream().map(themes::id).collect(Collectors.joining("; ")));
    row.put("targets", c.targets().stream().map(t -> t.value().map(v -> v.toPlainString() + " ").orElse("")
        + t.unit() + (t.counts().isEmpty() ? "" : " (" + t.counts() + ")")).collect(Collectors.joining("; ")));
    Comparison.Source s = c.sources().isEmpty() ? new Comparison.Source("", "", "", "") : c.sources().get(0);
    row.put("source_url", s.url());
    row.put("snapshot", s.snapshot());
    row.put("fetched_at", s.fetchedAt());
    return row;
  }

  static byte[] write(List<String> columns, List<Map<String, Object>> rows) {
    if (rows.isEmpty()) {
      // Jackson writes nothing for no rows; a header keeps the file loadable. Column names need no quoting.
      return (String.join(",", columns) + "\n").getBytes(StandardCharsets.UTF_8);
    }
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    columns.forEach(schema::addColumn);
    try {
      return CSV.writer(schema.build()).writeValueAsString(rows).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write CSV", e);
    }
  }
}
