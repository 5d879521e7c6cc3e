package se.loftesgrafen.graph.dump;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;

/**
 * CSVW metadata (https://www.w3.org/TR/tabular-metadata/) of the commitments CSV, {@code
 * commitments.csv-metadata.json} beside it (where a CSVW processor looks for it, tabular-data-model §5.2): every
 * column with its datatype, codes as strings so that their leading zeros stay, list columns with their separator.
 */
public final class CommitmentCsvMetadata {
  public static final String FILE = DumpWriter.CSV + "-metadata.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Per column: datatype (base or {base, format}), whether it is a list, and a description. */
  private record Column(Object datatype, boolean list, String description) {
  }

  /** A decimal from 0 to 1 (CSVW datatype with minInclusive / maxInclusive, tabular-metadata §5.11.2). */
  private static final Map<String, Object> PROBABILITY = Map.of("base", "decimal", "minInclusive", 0,
      "maxInclusive", 1);

  private static final Map<String, Column> COLUMNS = Map.ofEntries(
      Map.entry("kommunkod", new Column(Map.of("base", "string", "format", "[0-9]{4}"), false,
          "SCB municipality code (kommunkod, Wikidata P525), four digits with leading zero")),
      Map.entry("municipality", new Column("string", false, "municipality name")),
      Map.entry("county_code", new Column(Map.of("base", "string", "format", "[0-9]{2}"), false,
          "SCB county code (länskod), two digits with leading zero")),
      Map.entry("county", new Column("string", false, "county name")),
      Map.entry("promise", new Column("anyURI", false, "IRI of the promise")),
      Map.entry("period_start", new Column("date", false,
          "first day of the promise's period (a stated year or month starts on its first day)")),
      Map.entry("period_end", new Column("date", false,
          "last day of the promise's period (a stated year or month ends on its last day)")),
      Map.entry("period_text", new Column("string", false, "the phrase the period was read from, verbatim")),
      Map.entry("commitment", new Column("anyURI", false, "IRI of the commitment")),
      Map.entry("text", new Column("string", false, "the commitment's text, verbatim")),
      Map.entry("kind", new Column("string", false, "activity or goal")),
      Map.entry("actors", new Column("string", true, "who commits: polisen, kommunen, annan")),
      Map.entry("themes", new Column("string", true, "theme ids (skos:notation of the focus areas)")),
      Map.entry("targets", new Column("string", true, "measurable targets: value, unit (what counts)")),
      Map.entry("source_url", new Column("anyURI", false, "the page the commitment was read from")),
      Map.entry("snapshot", new Column("anyURI", false, "IRI of the source snapshot (provenance)")),
      Map.entry("fetched_at", new Column("datetime", false, "when the page was fetched")),
      Map.entry("confidence", new Column(PROBABILITY, false, "how sure the extractor is that the text is a "
          + "commitment (lg:confidence): a calibrated probability from its learned models, not the publisher's "
          + "statement; empty when the commitment has none")),
      Map.entry("actors_confidence", new Column(PROBABILITY, false, "how sure the extractor is that the actors are "
          + "exactly right (lg:actorsConfidence), a calibrated probability; empty when none")),
      Map.entry("themes_confidence", new Column(PROBABILITY, false, "how sure the extractor is of the themes "
          + "(lg:themesConfidence), a calibrated probability; empty when none")));

  private CommitmentCsvMetadata() {}

  public static byte[] json() throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("@context", "http://www.w3.org/ns/csvw");
    root.put("url", DumpWriter.CSV);
    root.put("dc:title", "Löftesgrafen: commitments, one row per commitment and municipality");
    root.putObject("dialect").put("header", true).put("encoding", "utf-8");
    ObjectNode schema = root.putObject("tableSchema");
    ArrayNode columns = schema.putArray("columns");
    for (String name : CommitmentCsv.COLUMNS) {
      Column c = COLUMNS.get(name);
      ObjectNode col = columns.addObject().put("name", name).put("titles", name);
      col.set("datatype", JSON.valueToTree(c.datatype()));
      if (c.list()) {
        col.put("separator", CommitmentCsv.SEPARATOR);
      }
      col.put("dc:description", c.description());
    }
    schema.putArray("primaryKey").add("commitment").add("kommunkod");
    return JSON.writeValueAsBytes(root);
  }
}
