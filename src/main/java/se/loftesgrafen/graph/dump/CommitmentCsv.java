package se.loftesgrafen.graph.dump;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import se.loftesgrafen.graph.compare.Comparison;
import se.loftesgrafen.graph.compare.ComparisonThemes;

/**
 * The one CSV schema of commitments, for the dump ({@code /dumps/commitments.csv}) and every API answer about
 * commitments ({@code Accept: text/csv}): one row per commitment and municipality, the same columns, names, values
 * and separators; described by {@code commitments.csv-metadata.json} (CSVW, {@link CommitmentCsvMetadata}).
 * RFC 4180, UTF-8, a header row; dates are xsd:date ({@code 2021-01-01}), codes are strings with their leading
 * zeros ({@code 0765}, {@code 07}); lists are joined with {@link #SEPARATOR}. The confidences come last (added
 * in issue 22, so that readers by position keep working): decimals in [0, 1], empty when the commitment has none.
 */
public final class CommitmentCsv {
  public static final String SEPARATOR = "; ";
  public static final List<String> COLUMNS = List.of("kommunkod", "municipality", "county_code", "county",
      "promise", "period_start", "period_end", "period_text", "commitment", "text", "kind", "actors", "themes",
      "targets", "source_url", "snapshot", "fetched_at", "confidence", "actors_confidence", "themes_confidence");
  private static final CsvMapper CSV = new CsvMapper();

  private CommitmentCsv() {}

  /** The row of commitment {@code c} as it counts for municipality {@code m}. */
  public static Map<String, Object> row(Comparison.Municipality m, Comparison.Commitment c, ComparisonThemes themes) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("kommunkod", m.code());
    row.put("municipality", m.name());
    row.put("county_code", m.countyCode());
    row.put("county", m.county());
    row.put("promise", c.promise().iri());
    row.put("period_start", c.promise().startDate().orElse(""));
    row.put("period_end", c.promise().endDate().orElse(""));
    row.put("period_text", c.promise().periodText());
    row.put("commitment", c.iri());
    row.put("text", c.text());
    row.put("kind", c.kind());
    row.put("actors", String.join(SEPARATOR, c.actors()));
    row.put("themes", c.themes().stream().map(themes::id).collect(Collectors.joining(SEPARATOR)));
    row.put("targets", c.targets().stream().map(t -> t.value().map(v -> v.toPlainString() + " ").orElse("")
        + t.unit() + (t.counts().isEmpty() ? "" : " (" + t.counts() + ")")).collect(Collectors.joining(SEPARATOR)));
    Comparison.Source s = c.sources().isEmpty() ? new Comparison.Source("", "", "", "") : c.sources().get(0);
    row.put("source_url", s.url());
    row.put("snapshot", s.snapshot());
    row.put("fetched_at", s.fetchedAt());
    // empty for a commitment stored without confidences (before the extractor gave them)
    row.put("confidence", c.confidence().map(x -> x.commitment().toPlainString()).orElse(""));
    row.put("actors_confidence", c.confidence().flatMap(Comparison.Confidence::actors)
        .map(BigDecimal::toPlainString).orElse(""));
    row.put("themes_confidence", c.confidence().flatMap(Comparison.Confidence::themes)
        .map(BigDecimal::toPlainString).orElse(""));
    return row;
  }

  /** Rows as CSV with a header of {@code columns}, through Jackson's CSV writer. */
  public static byte[] write(List<String> columns, List<Map<String, Object>> rows) {
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
