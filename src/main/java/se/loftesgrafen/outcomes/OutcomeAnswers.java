package se.loftesgrafen.outcomes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.loftesgrafen.graph.dump.CommitmentCsv;

/**
 * Writes an outcomes comparison as JSON (groups per year with their unweighted mean and median, every municipality
 * with its values, the caveats and the source line) or as CSV (one row per municipality and year, the project's
 * CSV writer) with CSVW metadata (tabular-metadata) that carries the caveats.
 */
public final class OutcomeAnswers {
  static final ObjectMapper JSON = new ObjectMapper();
  public static final List<String> COLUMNS = List.of("kommunkod", "municipality", "county_code", "group",
      "theme", "commitment_year", "year", "measure", "kpi", "value", "unit", "source");

  private OutcomeAnswers() {}

  public static byte[] json(OutcomeComparison.Result r) throws JsonProcessingException {
    ObjectNode root = JSON.createObjectNode();
    root.put("theme", r.theme()).put("year", r.year());
    ObjectNode measure = root.putObject("measure");
    measure.put("id", r.measure().slug()).put("kpi", r.measure().kpi()).put("unit", r.unit());
    measure.putObject("label").put("sv", r.measure().labelSv()).put("en", r.measure().labelEn());
    measure.put("definition", r.measure().definition());
    ArrayNode years = root.putArray("years");
    r.years().forEach(years::add);
    ArrayNode caveats = root.putArray("caveats");
    r.caveats().forEach(c -> caveats.addObject().put("sv", c.sv()).put("en", c.en()));
    root.put("source", r.source().attribution());
    root.put("derived", r.source().derivedAttribution() + ": mean and median per group and year, unweighted, over "
        + "the municipalities with a value");
    root.put("retrieved", r.source().retrieved());
    ArrayNode groups = root.putArray("groups");
    for (OutcomeComparison.GroupYear g : r.groups()) {
      ObjectNode n = groups.addObject().put("group", g.group().id()).put("year", g.year())
          .put("municipalities", g.municipalities()).put("withValue", g.withValue());
      g.mean().ifPresentOrElse(v -> n.put("mean", v), () -> n.putNull("mean"));
      g.median().ifPresentOrElse(v -> n.put("median", v), () -> n.putNull("median"));
    }
    ArrayNode rows = root.putArray("municipalities");
    for (OutcomeComparison.Row row : r.rows()) {
      ObjectNode n = rows.addObject().put("code", row.municipality().code()).put("name", row.municipality().name())
          .put("group", row.group().id());
      ObjectNode values = n.putObject("values");
      for (int y : r.years()) {
        BigDecimal v = row.values().get(y);
        if (v != null) {
          values.put(Integer.toString(y), v);
        }
      }
    }
    return JSON.writeValueAsBytes(root);
  }

  public static byte[] csv(OutcomeComparison.Result r) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (OutcomeComparison.Row row : r.rows()) {
      for (int y : r.years()) {
        BigDecimal v = row.values().get(y);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kommunkod", row.municipality().code());
        out.put("municipality", row.municipality().name());
        out.put("county_code", row.municipality().countyCode());
        out.put("group", row.group().id());
        out.put("theme", r.theme());
        out.put("commitment_year", r.year());
        out.put("year", y);
        out.put("measure", r.measure().slug());
        out.put("kpi", r.measure().kpi());
        out.put("value", v == null ? "" : v.toPlainString());
        out.put("unit", r.unit());
        out.put("source", r.source().attribution());
        rows.add(out);
      }
    }
    return CommitmentCsv.write(COLUMNS, rows);
  }

  /**
   * CSVW metadata (https://www.w3.org/TR/tabular-metadata/) of the CSV at {@code csvUrl}: its columns, and the
   * caveats and source as the table's dc:description and dc:source, so they travel with the numbers.
   */
  public static byte[] csvMetadata(OutcomeComparison.Result r, String csvUrl) throws JsonProcessingException {
    ObjectNode root = JSON.createObjectNode();
    root.put("@context", "http://www.w3.org/ns/csvw");
    root.put("url", csvUrl);
    root.put("dc:title", r.measure().labelEn() + ": municipalities with and without a commitment on '" + r.theme()
        + "' in " + r.year());
    ArrayNode description = root.putArray("dc:description");
    r.caveats().forEach(c -> description.add(c.en()));
    root.put("dc:source", r.source().attribution() + " (" + r.source().homepage() + ")");
    ObjectNode schema = root.putObject("tableSchema");
    ArrayNode columns = schema.putArray("columns");
    Map<String, String> types = Map.of("commitment_year", "gYear", "year", "gYear", "value", "decimal");
    for (String name : COLUMNS) {
      ObjectNode c = columns.addObject().put("name", name).put("titles", name);
      c.put("datatype", types.getOrDefault(name, "string"));
    }
    return JSON.writeValueAsBytes(root);
  }
}
