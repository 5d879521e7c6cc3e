package se.loftesgrafen.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.loftesgrafen.testing.RunningService;

/**
 * The outcome graph beside the served sample (harvest-config/sample/): SPARQL joins a seed municipality's promise
 * themes to its reported crime per 100,000, and /api/outcomes compares municipalities with and without a commitment
 * on a theme. Expected values come from the bundled CSVs and from independent SPARQL over /sparql.
 */
class OutcomesSampleIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PREFIXES = """
      PREFIX lg: <https://w3id.org/loftesgrafen/def#>
      PREFIX lgu: <https://w3id.org/loftesgrafen/def/utfall#>
      PREFIX qb: <http://purl.org/linked-data/cube#>
      PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
      PREFIX dcterms: <http://purl.org/dc/terms/>
      PREFIX dcat: <http://www.w3.org/ns/dcat#>
      PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
      """;
  @TempDir
  static Path folder;
  static RunningService service;
  static OutcomeData data;

  @BeforeAll
  static void start() throws Exception {
    service = RunningService.start(folder);
    data = OutcomeData.bundled();
    assertTrue(OutcomesLoader.load(service.service().store(), service.service().iris()).written());
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  static List<JsonNode> sparql(String select) throws Exception {
    HttpResponse<String> r = service.sparql(PREFIXES + select, "application/sparql-results+json");
    assertEquals(200, r.statusCode(), r.body());
    List<JsonNode> out = new ArrayList<>();
    JSON.readTree(r.body()).at("/results/bindings").forEach(out::add);
    return out;
  }

  static Map<Integer, BigDecimal> csvValues(String code, String kpi, int from, int to) {
    Map<Integer, BigDecimal> out = new TreeMap<>();
    data.outcomes().stream().filter(o -> o.code().equals(code) && o.kpi().equals(kpi) && o.year() >= from
        && o.year() <= to).forEach(o -> out.put(o.year(), o.value()));
    return out;
  }

  @Test
  void sparqlJoinsAmalsPromiseThemesToItsReportedCrimePer100000() throws Exception {
    String amal = service.iri("/id/kommun/1492");
    Set<String> themes = new TreeSet<>();
    for (JsonNode b : sparql("SELECT DISTINCT ?theme { ?p lg:municipality <" + amal + "> . "
        + "?c dcterms:isPartOf ?p ; lg:theme ?t . ?t skos:notation ?theme }")) {
      themes.add(b.at("/theme/value").asText());
    }
    assertFalse(themes.isEmpty(), "the sample's Åmål 2021 promise has commitments with themes");
    List<JsonNode> joined = sparql("""
        SELECT DISTINCT ?theme ?year ?value WHERE {
          ?promise lg:municipality ?kommun .
          ?c dcterms:isPartOf ?promise ; lg:theme/skos:notation ?theme .
          ?o a qb:Observation ; lgu:municipality ?kommun ; lgu:year ?year ; lgu:value ?value ;
             lgu:indicator/skos:notation "N07540" .
          FILTER (?kommun = <%s> && ?year >= "2015"^^xsd:gYear && ?year <= "2022"^^xsd:gYear)
        } ORDER BY ?theme ?year""".formatted(amal));
    Set<String> joinedThemes = new TreeSet<>();
    Map<Integer, BigDecimal> values = new TreeMap<>();
    for (JsonNode b : joined) {
      joinedThemes.add(b.at("/theme/value").asText());
      values.put(Integer.parseInt(b.at("/year/value").asText()), new BigDecimal(b.at("/value/value").asText()));
    }
    assertEquals(themes, joinedThemes);
    assertEquals(themes.size() * 8, joined.size(), "every theme with each year 2015-2022");
    Map<Integer, BigDecimal> expected = csvValues("1492", "N07540", 2015, 2022);
    assertEquals(8, expected.size());
    expected.forEach((y, v) -> assertEquals(0, v.compareTo(values.get(y)), y + ": " + v + " vs " + values.get(y)));
  }

  /** Municipalities with a promise overlapping {@code year}: true when one of its commitments is on narkotika. */
  static Map<String, Boolean> narkotikaIn(int year) throws Exception {
    Map<String, Boolean> out = new TreeMap<>();
    for (JsonNode b : sparql("""
        SELECT ?code (MAX(?on) AS ?has) WHERE {
          ?p lg:municipality ?k ; dcterms:temporal ?t . ?t dcat:startDate ?s . OPTIONAL { ?t dcat:endDate ?e }
          ?k lg:municipalityCode ?code .
          FILTER (YEAR(?s) <= %d && YEAR(COALESCE(?e, ?s)) >= %d)
          BIND (IF(EXISTS { ?c dcterms:isPartOf ?p ; lg:theme ?tag . ?tag skos:broader* ?n .
                            ?n skos:notation "narkotika" }, 1, 0) AS ?on)
        } GROUP BY ?code""".formatted(year, year))) {
      out.put(b.at("/code/value").asText(), b.at("/has/value").asInt() == 1);
    }
    return out;
  }

  @Test
  void theComparisonGroupsMunicipalitiesAndGivesKoladasValuesWithTheCaveats() throws Exception {
    Map<String, Boolean> promised = narkotikaIn(2021);
    assertTrue(promised.containsValue(true), "a sample promise of 2021 has a narkotika commitment: " + promised);
    HttpResponse<String> r = service.get("/api/outcomes?theme=narkotika&year=2021"
        + "&measure=anmalda_narkotikabrott_per_100k");
    assertEquals(200, r.statusCode(), r.body());
    JsonNode body = JSON.readTree(r.body());
    assertEquals("Källa: Kolada", body.get("source").asText());
    assertEquals("N07544", body.at("/measure/kpi").asText());
    assertEquals(List.of(2020, 2021, 2022, 2023), toInts(body.get("years")));
    String caveats = body.get("caveats").toString();
    assertTrue(caveats.contains("police activity"), caveats);
    assertFalse(caveats.contains("NTU"), "the NTU caveat is for NTU measures: " + caveats);
    Map<String, String> groups = new TreeMap<>();
    List<BigDecimal> with2022 = new ArrayList<>();
    assertEquals(290, body.get("municipalities").size());
    for (JsonNode m : body.get("municipalities")) {
      String code = m.get("code").asText();
      groups.put(code, m.get("group").asText());
      Map<Integer, BigDecimal> expected = csvValues(code, "N07544", 2020, 2023);
      Map<Integer, BigDecimal> got = new TreeMap<>();
      m.get("values").fields().forEachRemaining(e -> got.put(Integer.parseInt(e.getKey()), e.getValue().decimalValue()));
      assertEquals(expected.keySet(), got.keySet(), code);
      expected.forEach((y, v) -> assertEquals(0, v.compareTo(got.get(y)), code + " " + y));
      if (m.get("group").asText().equals("with") && expected.containsKey(2022)) {
        with2022.add(expected.get(2022));
      }
    }
    promised.forEach((code, has) -> assertEquals(has ? "with" : "without", groups.get(code), code));
    assertEquals(290 - promised.size(), groups.values().stream().filter("unknown"::equals).count());
    JsonNode cell = null;
    for (JsonNode g : body.get("groups")) {
      if (g.get("group").asText().equals("with") && g.get("year").asInt() == 2022) {
        cell = g;
      }
    }
    assertEquals(with2022.size(), cell.get("withValue").asInt());
    BigDecimal mean = with2022.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
        .divide(BigDecimal.valueOf(with2022.size()), java.math.MathContext.DECIMAL64);
    assertEquals(0, mean.setScale(2, java.math.RoundingMode.HALF_EVEN).compareTo(cell.get("mean").decimalValue()));
    assertTrue(body.get("derived").asText().startsWith("beräknat från Kolada"));
  }

  @Test
  void theCsvHasARowPerMunicipalityAndYearAndLinksItsCsvwMetadata() throws Exception {
    HttpResponse<String> r = service.get("/api/outcomes?theme=narkotika&year=2021&measure=ntu_otrygg_sen_kvall_eget_omrade",
        "Accept", "text/csv");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(r.body())).getRecords();
    assertEquals(290 * 4, rows.size());
    CSVRecord first = rows.get(0);
    assertEquals("0114", first.get("kommunkod"));
    assertEquals("Källa: Kolada", first.get("source"));
    Map<Integer, BigDecimal> expected = csvValues("0114", "N07609", 2020, 2023);
    for (CSVRecord row : rows.subList(0, 4)) {
      int year = Integer.parseInt(row.get("year"));
      assertEquals(expected.containsKey(year) ? expected.get(year).toPlainString() : "", row.get("value"));
    }
    String link = r.headers().firstValue("Link").orElseThrow();
    assertTrue(link.contains("rel=\"describedby\""), link);
    String metadataPath = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
    JsonNode meta = JSON.readTree(service.get(metadataPath).body());
    assertTrue(meta.get("dc:description").toString().contains("NTU pools two survey years"), meta.toString());
    assertEquals(12, meta.at("/tableSchema/columns").size());
  }

  @Test
  void badQuestionsGetClearErrors() throws Exception {
    HttpResponse<String> measure = service.get("/api/outcomes?theme=narkotika&year=2021&measure=brott");
    assertEquals(400, measure.statusCode());
    assertTrue(measure.body().contains("anmalda_narkotikabrott_per_100k"), measure.body());
    assertEquals(404, service.get("/api/outcomes?theme=finns-inte&year=2021").statusCode());
    assertEquals(400, service.get("/api/outcomes?theme=narkotika").statusCode());
    assertEquals(400, service.get("/api/outcomes?theme=narkotika&year=2021&page=2").statusCode());
  }

  private static List<Integer> toInts(JsonNode array) {
    List<Integer> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asInt()));
    return out;
  }
}
