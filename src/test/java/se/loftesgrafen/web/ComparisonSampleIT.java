package se.loftesgrafen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.loftesgrafen.testing.RunningService;

/**
 * The comparison API, search, OpenAPI document and web page on the bundled sample (harvest-config/sample/): answers
 * are checked against the page texts and against independent SPARQL over /sparql, so they hold whichever extractor
 * version produced the graph.
 */
class ComparisonSampleIT {
  private static final String PREFIXES = """
      PREFIX lg: <https://w3id.org/loftesgrafen/def#>
      PREFIX schema: <https://schema.org/>
      PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
      """;
  @TempDir
  static Path folder;
  static RunningService service;
  static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    service = RunningService.start(folder);
    api = new ApiClient(service);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  private static List<JsonNode> sparql(String select) throws Exception {
    HttpResponse<String> r = service.sparql(PREFIXES + select, "application/sparql-results+json");
    assertEquals(200, r.statusCode(), r.body());
    List<JsonNode> out = new ArrayList<>();
    ApiClient.JSON.readTree(r.body()).at("/results/bindings").forEach(out::add);
    return out;
  }

  @Test
  void searchingNarkotikabrottFindsEveryCommitmentThatSaysNarkotika() throws Exception {
    Set<String> saysNarkotika = new TreeSet<>();
    for (JsonNode b : sparql("SELECT ?c WHERE { ?c a lg:Commitment ; schema:text ?t "
        + "FILTER(CONTAINS(LCASE(?t), \"narkotika\")) }")) {
      saysNarkotika.add(b.at("/c/value").asText());
    }
    assertFalse(saysNarkotika.isEmpty(), "the sample pages promise action on narkotika");
    List<JsonNode> hits = api.allMembers("/api/search?q=narkotikabrott&pageSize=50");
    Set<String> found = new TreeSet<>();
    hits.forEach(h -> found.add(h.get("@id").asText()));
    assertTrue(found.containsAll(saysNarkotika), "missing: " + saysNarkotika.stream().filter(c -> !found.contains(c)).toList());
    assertTrue(hits.stream().anyMatch(h -> h.get("text").asText().contains("avloppsvatten")),
        "Älmhult 2022: 'kartlägga förekomsten av narkotika genom analys av tätortens avloppsvatten'");
    for (JsonNode h : hits) {
      assertTrue(h.get("highlight").asText().contains("<mark>"), h.toString());
      assertTrue(h.at("/source/0/url").asText().startsWith("https://"), h.toString());
    }
  }

  @Test
  void searchCsvHasTheSameRowsAsTheJsonLd() throws Exception {
    List<String> json = new ArrayList<>();
    api.json("/api/search?q=narkotika").get("hydra:member").forEach(h -> json.add(h.get("@id").asText() + "|"
        + h.get("text").asText() + "|" + h.get("highlight").asText()));
    List<String> csv = new ArrayList<>();
    for (CSVRecord r : api.csv("/api/search?q=narkotika")) {
      csv.add(r.get("commitment") + "|" + r.get("text") + "|" + r.get("highlight"));
    }
    assertFalse(json.isEmpty());
    assertEquals(json, csv);
  }

  @Test
  void theNarkotikaThemeGivesTheMunicipalitiesThatSparqlGives() throws Exception {
    Set<String> expected = new TreeSet<>();
    for (JsonNode b : sparql("SELECT DISTINCT ?k WHERE { ?p lg:municipality ?k ; lg:commitment ?c . "
        + "?c lg:theme/skos:broader* ?t . ?t skos:notation \"narkotika\" }")) {
      String iri = b.at("/k/value").asText();
      expected.add(iri.substring(iri.lastIndexOf('/') + 1));
    }
    Set<String> got = new TreeSet<>();
    api.allMembers("/api/themes/narkotika/municipalities?pageSize=2").forEach(m -> got.add(m.get("code").asText()));
    assertEquals(expected, got);
  }

  @Test
  void coverageShowsTheSampleMunicipalitiesHarvestedAndTheRestNotHarvestedNeverMissing() throws Exception {
    Set<String> withPromise = new TreeSet<>();
    for (JsonNode b : sparql("SELECT DISTINCT ?k WHERE { ?p a lg:CitizenPromise ; lg:municipality ?k }")) {
      String iri = b.at("/k/value").asText();
      withPromise.add(iri.substring(iri.lastIndexOf('/') + 1));
    }
    assertEquals(Set.of("0765", "1438", "1492", "1780", "1882"), withPromise, "the five sample pages");
    List<JsonNode> all = api.allMembers("/api/coverage");
    assertEquals(290, all.size());
    java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
    for (JsonNode m : all) {
      counts.merge(m.get("coverage").asText(), 1, Integer::sum);
      boolean has = withPromise.contains(m.get("code").asText());
      assertEquals(has, m.has("latestPromise"), m.toString());
      if (has) {
        assertTrue(m.get("lastHarvest").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*"), m.toString());
        assertEquals(m.get("lastHarvest").asText(), m.get("lastTried").asText(), m.toString());
        assertEquals("[\"HTML\"]", m.get("sourceKinds").toString(), "the sample pages are HTML: " + m);
        // The sample's promises end by 2022: harvested, with an old promise, so known to lack this year's.
        assertEquals("old", m.get("coverage").asText(), m.toString());
        assertTrue(m.get("currentPromiseMissing").asBoolean(), m.toString());
      } else {
        assertEquals("not-harvested", m.get("coverage").asText(), m.toString());
        assertFalse(m.has("currentPromiseMissing"), "nobody looked, so nothing is known missing: " + m);
        assertFalse(m.has("lastTried"), m.toString());
      }
    }
    assertEquals(java.util.Map.of("old", 5, "not-harvested", 285), counts);
    assertEquals(5, api.allMembers("/api/coverage?missing=true").size(), "only the harvested can be known missing");
    assertEquals(285, api.allMembers("/api/coverage?status=not-harvested").size());
    int notHarvested = 0;
    for (CSVRecord r : api.csv("/api/coverage")) {
      if (r.get("coverage").equals("not-harvested")) {
        notHarvested++;
        assertEquals("", r.get("current_promise_missing"), r.toString());
      } else {
        assertEquals("true", r.get("current_promise_missing"), r.toString());
        assertFalse(r.get("last_tried").isEmpty(), r.toString());
      }
    }
    assertEquals(285, notHarvested);
  }

  @Test
  void overviewSharesAreOverTheHarvestedMunicipalitiesWithTheDenominatorStated() throws Exception {
    List<CSVRecord> rows = new ArrayList<>();
    api.csv("/api/overview?theme=narkotika").forEach(rows::add);
    assertFalse(rows.isEmpty());
    for (CSVRecord r : rows) {
      int municipalities = Integer.parseInt(r.get("municipalities"));
      assertEquals("5", r.get("harvested"), "the five harvested sample municipalities: " + r);
      assertEquals(Math.round(10000.0 * municipalities / 5) / 10000.0, Double.parseDouble(r.get("share_of_reporting")),
          1e-9, r.toString());
      assertTrue(Double.parseDouble(r.get("share_of_reporting")) < 1.0, "one of five is not all: " + r);
    }
  }

  @Test
  void theMunicipalityLookupForgivesAndOffersCloseNames() throws Exception {
    assertEquals("1492", api.json("/api/municipalities/lookup?q=amal").at("/matches/0/code").asText());
    assertEquals("1438", api.json("/api/municipalities/lookup?q=Dals%20Ed").at("/matches/0/code").asText());
    assertEquals("Åmål", api.json("/api/municipalities/lookup?q=1492").at("/matches/0/name").asText());
    JsonNode none = api.json("/api/municipalities/lookup?q=Amol");
    assertEquals(0, none.get("matches").size(), none.toString());
    assertTrue(none.get("closeMatches").toString().contains("\"1492\""), none.toString());
    assertEquals(0, api.json("/api/municipalities/lookup").get("matches").size(), "no query: nothing, no error");
  }

  @Test
  void answersAreJsonLdThatExpandsWithTheServiceContext() throws Exception {
    HttpResponse<String> r = service.get("/api/search?q=narkotika&pageSize=5", "Accept", "application/ld+json");
    org.apache.jena.graph.Graph g = service.parseJsonLd(r.body()).getDefaultGraph();
    JsonNode first = ApiClient.JSON.readTree(r.body()).at("/hydra:member/0");
    org.apache.jena.graph.Node c = org.apache.jena.graph.NodeFactory.createURI(first.get("@id").asText());
    assertTrue(g.contains(c, org.apache.jena.vocabulary.RDF.Nodes.type, se.loftesgrafen.vocab.LG.Commitment.asNode()));
    assertTrue(g.contains(c, org.apache.jena.vocabulary.SchemaDO.text.asNode(),
        org.apache.jena.graph.NodeFactory.createLiteralString(first.get("text").asText())), "text as schema:text");
    org.apache.jena.graph.Node kommun = org.apache.jena.graph.NodeFactory.createURI(
        service.service().iris().municipality(first.at("/promise/municipality/0/municipalityCode").asText()).getURI());
    assertTrue(g.contains(org.apache.jena.graph.Node.ANY, se.loftesgrafen.vocab.LG.municipality.asNode(), kommun));
  }

  /** Every commitment the extractor made carries its confidence into the graph (issue 22). */
  @Test
  void everyCommitmentOfTheSampleHasItsThreeConfidencesInTheGraph() throws Exception {
    List<JsonNode> without = sparql("SELECT ?c WHERE { ?c a lg:Commitment FILTER NOT EXISTS { ?c lg:confidence ?x ; "
        + "lg:actorsConfidence ?y ; lg:themesConfidence ?z } }");
    assertEquals(List.of(), without);
    List<JsonNode> outside = sparql("SELECT ?c ?x WHERE { ?c lg:confidence|lg:actorsConfidence|lg:themesConfidence ?x "
        + "FILTER(DATATYPE(?x) != <http://www.w3.org/2001/XMLSchema#decimal> || ?x < 0 || ?x > 1) }");
    assertEquals(List.of(), outside);
  }

  /** minConfidence keeps what the README's SPARQL example selects, in search and in a theme's municipalities. */
  @Test
  void minConfidenceKeepsTheCommitmentsThatSparqlFindsAtLeastThatSure() throws Exception {
    Set<String> sure = new TreeSet<>();
    for (JsonNode b : sparql("SELECT ?c WHERE { ?c a lg:Commitment ; lg:confidence ?p FILTER(?p >= 0.8) }")) {
      sure.add(b.at("/c/value").asText());
    }
    assertFalse(sure.isEmpty(), "the sample has commitments the extractor is sure of");
    int all = sparql("SELECT ?c WHERE { ?c a lg:Commitment }").size();
    assertTrue(sure.size() < all, "and some it is less sure of, so that the filter is seen to filter: " + all);
    Set<String> found = new TreeSet<>();
    for (JsonNode h : api.allMembers("/api/search?minConfidence=0.8&pageSize=200")) {
      found.add(h.get("@id").asText());
      assertTrue(new java.math.BigDecimal(h.get("confidence").asText()).compareTo(new java.math.BigDecimal("0.8")) >= 0,
          h.toString());
    }
    assertEquals(sure, found);

    Set<String> sureOnNarkotika = new TreeSet<>();
    for (JsonNode b : sparql("SELECT DISTINCT ?c WHERE { ?c lg:confidence ?p ; lg:theme/skos:broader* ?t . "
        + "?t skos:notation \"narkotika\" FILTER(?p >= 0.8) }")) {
      sureOnNarkotika.add(b.at("/c/value").asText());
    }
    Set<String> listed = new TreeSet<>();
    api.allMembers("/api/themes/narkotika/municipalities?minConfidence=.8")
        .forEach(m -> m.get("matchingCommitments").forEach(c -> listed.add(c.get("@id").asText())));
    assertEquals(sureOnNarkotika, listed);
    assertEquals(0, api.json("/api/search?minConfidence=1.0&q=qqqzzz").get("hydra:totalItems").asInt());
  }

  @Test
  void aBadMinConfidenceIs400SayingWhatIsAllowed() throws Exception {
    for (String path : List.of("/api/search?q=narkotika&minConfidence=", "/api/themes/narkotika/municipalities?minConfidence=",
        "/api/overview?minConfidence=", "/api/municipalities/1492/timeline?minConfidence=",
        "/api/municipalities/1492/similar?minConfidence=")) {
      for (String bad : List.of("abc", "1.5", "-0.1", "1e-1", "NaN", ".")) {
        HttpResponse<String> r = service.get(path + bad, "Accept", "application/ld+json");
        assertEquals(400, r.statusCode(), path + bad + ": " + r.body());
        String message = ApiClient.JSON.readTree(r.body()).get("message").asText();
        assertTrue(message.contains("minConfidence") && message.contains("from 0 to 1"), path + bad + ": " + message);
      }
    }
  }

  /** The CSV's confidence column holds what the JSON-LD gives, and the answer expands to lg:confidence. */
  @Test
  void theCsvAndTheJsonLdCarryTheConfidence() throws Exception {
    HttpResponse<String> r = service.get("/api/search?q=narkotika", "Accept", "application/ld+json");
    List<String> json = new ArrayList<>();
    ApiClient.JSON.readTree(r.body()).get("hydra:member").forEach(h -> json.add(h.get("@id").asText() + "|"
        + h.get("confidence").asText() + "|" + h.get("actorsConfidence").asText() + "|"
        + h.get("themesConfidence").asText()));
    List<String> csv = new ArrayList<>();
    for (CSVRecord row : api.csv("/api/search?q=narkotika")) {
      csv.add(row.get("commitment") + "|" + row.get("confidence") + "|" + row.get("actors_confidence") + "|"
          + row.get("themes_confidence"));
    }
    assertFalse(json.isEmpty());
    assertEquals(json, csv);

    org.apache.jena.graph.Graph g = service.parseJsonLd(r.body()).getDefaultGraph();
    JsonNode first = ApiClient.JSON.readTree(r.body()).at("/hydra:member/0");
    assertTrue(g.contains(org.apache.jena.graph.NodeFactory.createURI(first.get("@id").asText()),
        se.loftesgrafen.vocab.LG.confidence.asNode(), org.apache.jena.graph.NodeFactory.createLiteralDT(
            first.get("confidence").asText(), org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal)));
  }

  @Test
  void theOpenApiDocumentDescribesEveryApiRoute() throws Exception {
    JsonNode doc = api.json("/api/openapi.json");
    assertTrue(doc.get("openapi").asText().startsWith("3."));
    for (String path : List.of("/api/themes", "/api/municipalities", "/api/themes/{id}/municipalities", "/api/overview",
        "/api/municipalities/{code}/timeline", "/api/municipalities/{code}/similar", "/api/municipalities/{code}/followups",
        "/api/coverage", "/api/search", "/api/outcomes")) {
      assertTrue(doc.at("/paths").has(path), path);
    }
    assertEquals("minConfidence", doc.at("/components/parameters/minConfidence/name").asText());
  }

  @Test
  void theWebPageIsServedFromTheClasspath() throws Exception {
    HttpResponse<String> page = service.get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(page.body().contains("<script src=\"app.js\""), "the page's own script, nothing from the network");
    assertFalse(page.body().matches("(?s).*(src|href)=\"https?://.*"), "no resources from other hosts");
    assertEquals(200, service.get("/app.js").statusCode());
    assertEquals(200, service.get("/?q=narkotika").statusCode());
  }
}
