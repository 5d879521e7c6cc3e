package se.loftesgrafen.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonLdContextTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Graph turtle(String resource) {
    Graph graph = GraphFactory.createDefaultGraph();
    RDFParser.fromString(TestBase.resource(resource), Lang.TURTLE).base(TestBase.BASE).parse(graph);
    return graph;
  }

  static Stream<String> graphs() {
    return Stream.of("vocab/shapes/valid.ttl", VocabularyFiles.THEMES, VocabularyFiles.CONCEPTS,
        VocabularyFiles.REGISTER, VocabularyFiles.ONTOLOGY);
  }

  private static Graph load(String name) {
    return name.startsWith("vocab/shapes/") ? turtle(name) : VocabularyFiles.load(name, TestBase.BASE);
  }

  /** BRIEF §4: the JSON-LD expands to exactly the triples the Turtle gives. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("graphs")
  void compactedDocumentExpandsToTheSameTriples(String name) {
    Graph graph = load(name);
    String json = JsonLdContext.compact(graph, TestBase.BASE);
    Graph back = JsonLdContext.read(json, TestBase.BASE);
    assertEquals(graph.size(), back.size(), name);
    assertTrue(IsoMatcher.isomorphic(graph, back), name + " did not round-trip:\n" + json);
  }

  @Test
  void promiseReadsWithShortKeys() throws Exception {
    JsonNode doc = JSON.readTree(JsonLdContext.compact(turtle("vocab/shapes/valid.ttl"), TestBase.BASE));
    assertEquals(TestBase.BASE + "context/v1.jsonld", doc.get("@context").asText());
    JsonNode promise = node(doc, TestBase.BASE + "id/lofte/1492/2021");
    assertEquals("[\"Entity\",\"CitizenPromise\"]", promise.get("type").toString());
    assertEquals(TestBase.BASE + "id/kommun/1492", promise.get("municipality").asText());
    assertEquals(2, promise.get("commitments").size());
    assertEquals(TestBase.BASE + "id/lofte/1492/2021/period", promise.get("period").asText());
    JsonNode commitment = node(doc, TestBase.BASE + "id/lofte/1492/2021/atagande/b2");
    assertEquals("goal", commitment.get("kind").asText());
    assertEquals("notYet", commitment.get("followUpStatus").asText());
    assertTrue(commitment.get("actors").isArray());
    assertEquals(TestBase.BASE + "id/aktor/polisen", commitment.get("actors").get(0).asText());
    assertEquals(2, commitment.get("themes").size());
    assertEquals("Polisen ska lagföra minst fem personer för narkotikabrott.",
        commitment.get("text").get("@value").asText());
    JsonNode period = node(doc, TestBase.BASE + "id/lofte/1492/2021/period");
    assertEquals("2021-01-01", period.get("startDate").get("@value").asText());
    assertEquals("year", period.get("startPrecision").asText());
    JsonNode snapshot = node(doc, TestBase.BASE + "id/snapshot/3f1c");
    assertEquals("200", snapshot.get("httpStatus").asText());
    assertTrue(snapshot.get("sha256").isTextual());
  }

  /** Every term of ours has a short key in the context. */
  @Test
  void everyTermOfOursHasAKey() throws Exception {
    JsonNode context = JSON.readTree(JsonLdContext.content()).get("@context");
    List<String> mapped = new ArrayList<>();
    context.properties().forEach(e -> {
      JsonNode id = e.getValue().isObject() ? e.getValue().get("@id") : e.getValue();
      if (id != null && id.asText().startsWith("lg:")) {
        mapped.add(LG.NS + id.asText().substring(3));
      }
    });
    List<String> missing = new ArrayList<>();
    for (var field : LG.class.getFields()) {
      if (field.get(null) instanceof Resource r && !r.getURI().equals(LG.NS) && !mapped.contains(r.getURI())
          && !r.equals(LG.commitmentKinds) && !r.equals(LG.followUpStatuses)) {
        missing.add(r.getLocalName());
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void contentIsTheServedFile() throws Exception {
    JsonNode context = JSON.readTree(JsonLdContext.content()).get("@context");
    assertEquals(1.1, context.get("@version").asDouble());
    assertEquals(LG.NS, context.get("lg").asText());
    assertEquals("http://localhost:8080/context/v1.jsonld", JsonLdContext.url("http://localhost:8080/"));
  }

  @Test
  void otherRemoteContextsAreNotFetched() {
    String json = "{\"@context\": \"https://example.org/other.jsonld\", \"@id\": \"https://example.org/a\","
        + " \"name\": \"x\"}";
    assertThrows(RuntimeException.class, () -> JsonLdContext.read(json, TestBase.BASE));
  }

  private static JsonNode node(JsonNode doc, String id) {
    for (JsonNode node : doc.get("@graph")) {
      if (id.equals(node.get("id").asText())) {
        return node;
      }
    }
    throw new AssertionError("no node " + id + " in " + doc);
  }
}
