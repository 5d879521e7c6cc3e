package se.loftesgrafen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.loftesgrafen.testing.RunningService;

/** Sample page → extraction → TDB2 → SPARQL and JSON-LD, on a fresh store (issue 2's walking skeleton). */
class WalkingSkeletonIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  static Path store;
  static RunningService service;

  @BeforeAll
  static void start() throws Exception {
    service = RunningService.start(store);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void healthAnswers() throws Exception {
    HttpResponse<String> r = service.get("/health");
    assertEquals(200, r.statusCode());
    assertEquals("up", JSON.readTree(r.body()).get("status").asText());
  }

  @Test
  void theSampleGivesTheFiveSeedMunicipalitiesWithCommitments() throws Exception {
    String query = """
        PREFIX lg: <https://w3id.org/loftesgrafen/def#>
        SELECT ?kommun (COUNT(DISTINCT ?c) AS ?n) WHERE {
          ?promise a lg:CitizenPromise ; lg:municipality ?kommun ; lg:commitment ?c .
        } GROUP BY ?kommun""";
    HttpResponse<String> r = service.sparql(query, "application/sparql-results+json");
    assertEquals(200, r.statusCode(), r.body());
    Map<String, Integer> counts = new TreeMap<>();
    for (JsonNode b : JSON.readTree(r.body()).at("/results/bindings")) {
      String iri = b.at("/kommun/value").asText();
      counts.put(iri.substring(iri.lastIndexOf('/') + 1), b.at("/n/value").asInt());
    }
    assertEquals(java.util.Set.of("1492", "0765", "1882", "1780", "1438"), counts.keySet(), counts.toString());
    counts.forEach((code, n) -> assertTrue(n >= 1, code + " has commitments"));
  }

  @Test
  void aMunicipalityDereferencesAsJsonLd() throws Exception {
    HttpResponse<String> r = service.get("/id/kommun/1492", "Accept", "application/ld+json");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
    assertTrue(r.body().contains("Åmål"), r.body());
  }

  @Test
  void aMalformedQueryIsA400WithTheParserMessage() throws Exception {
    HttpResponse<String> r = service.sparql("SELECT * WHERE { ?s ?p }", "application/sparql-results+json");
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("line 1"), r.body());
  }
}
