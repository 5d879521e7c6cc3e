package se.loftesgrafen.graph.describe;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseMapper;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.testing.SyntheticNation;

/** A promise's JSON-LD is framed on the promise, nests its commitments and gives back exactly its triples. */
class JsonLdFramerTest {
  @Test
  void aPromiseIsFramedWithItsCommitmentsNestedAndLosesNothing() throws Exception {
    Iris iris = new Iris(URI.create("http://example.org/"));
    SyntheticNation.Page page = SyntheticNation.generate(1, 2021, 1, 3, 7).pages().get(0);
    Graph graph = new PromiseMapper(iris, "test").map(page.promise(), page.snapshot()).getGraph();
    String promise = new PromiseMapper(iris, "test").promiseIri(page.promise(), page.snapshot()).orElseThrow().getURI();
    JsonLdFramer framer = new JsonLdFramer("http://example.org/context/v1.jsonld");
    String json = new String(framer.write(graph, promise), StandardCharsets.UTF_8);
    JsonNode doc = new ObjectMapper().readTree(json);
    // our context aliases @id as "id"
    assertTrue(!doc.has("@graph") && doc.path("id").asText().equals(promise), json);
    assertTrue(json.contains("\"id\": \"" + promise + "/atagande/"), json);
    Graph back = framer.toGraph(jakarta.json.Json.createReader(new java.io.StringReader(json)).readObject());
    assertTrue(back.isIsomorphicWith(graph), () -> "only in JSON-LD: " + org.apache.jena.graph.GraphUtil.listSubjects(back, null, null).toList().size()
        + difference(back, graph) + "\nonly in the graph: " + difference(graph, back));
  }

  @Test
  void aDescribedPromiseFromTheStoreIsFramed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    Iris iris = new Iris(URI.create("http://example.org/"));
    try (PromiseStore store = PromiseStore.embedded(dir)) {
      store.replaceGraphs(java.util.Map.of(org.apache.jena.graph.NodeFactory.createURI(iris.vocabularyGraph().getURI()),
          se.loftesgrafen.vocab.VocabularyFiles.load(iris.base())));
      SyntheticNation nation = SyntheticNation.generate(1, 2021, 1, 3, 7);
      nation.load(store, iris, 10);
      SyntheticNation.Page page = nation.pages().get(0);
      String promise = new PromiseMapper(iris, "x").promiseIri(page.promise(), page.snapshot()).orElseThrow().getURI();
      Graph description = new ResourceDescriber(store, java.time.Duration.ofSeconds(10))
          .describe(org.apache.jena.rdf.model.ResourceFactory.createResource(promise));
      JsonLdFramer framer = new JsonLdFramer("http://example.org/context/v1.jsonld");
      String json = new String(framer.write(description, promise), StandardCharsets.UTF_8);
      assertTrue(!new ObjectMapper().readTree(json).has("@graph"), json);
    }
  }

  /**
   * Framing is chosen by a walk over the description instead of a round trip: for every kind of resource the
   * document must still expand to exactly the description's triples, framed where the root reaches everything.
   */
  @Test
  void everyDescribedResourceExpandsToItsDescription(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    Iris iris = new Iris(URI.create("http://example.org/"));
    try (PromiseStore store = PromiseStore.embedded(dir)) {
      store.replaceGraphs(java.util.Map.of(org.apache.jena.graph.NodeFactory.createURI(iris.vocabularyGraph().getURI()),
          se.loftesgrafen.vocab.VocabularyFiles.load(iris.base())));
      SyntheticNation nation = SyntheticNation.generate(2, 2020, 2, 3, 11);
      nation.load(store, iris, 10);
      java.util.List<String> roots = new java.util.ArrayList<>();
      for (SyntheticNation.Page page : nation.pages()) {
        org.apache.jena.rdf.model.Resource promise = new PromiseMapper(iris, "x")
            .promiseIri(page.promise(), page.snapshot()).orElseThrow();
        roots.add(promise.getURI());
        roots.add(iris.municipality(page.kommun().code()).getURI());
        roots.add(iris.commitment(promise, page.promise().commitments().get(0).text()).getURI());
      }
      roots.add(iris.theme("narkotika").getURI());
      roots.add(iris.county(nation.kommuner().get(0).countyCode()).getURI());
      ResourceDescriber describer = new ResourceDescriber(store, java.time.Duration.ofSeconds(10));
      JsonLdFramer framer = new JsonLdFramer("http://example.org/context/v1.jsonld");
      int framed = 0;
      for (String root : roots) {
        Graph description = describer.describe(org.apache.jena.rdf.model.ResourceFactory.createResource(root));
        assertTrue(!description.isEmpty(), root);
        String json = new String(framer.write(description, root), StandardCharsets.UTF_8);
        Graph back = framer.toGraph(jakarta.json.Json.createReader(new java.io.StringReader(json)).readObject());
        assertTrue(back.isIsomorphicWith(description), () -> root + ": only in JSON-LD " + difference(back, description)
            + "\nonly in the description: " + difference(description, back));
        JsonNode doc = new ObjectMapper().readTree(json);
        if (!doc.has("@graph")) {
          framed++;
        }
        if (root.contains("/id/kommun/")) {
          assertTrue(!doc.has("@graph") && doc.path("promises").isArray() && doc.path("promises").size() > 0
              && !doc.path("promises").path(0).has("municipality"), () -> root + ": its promises embedded once, under"
              + " the reverse key, without the link back: " + json);
        }
      }
      assertTrue(framed >= nation.pages().size() * 3, "promises, commitments and municipalities are framed: " + framed);
    }
  }

  @Test
  void framingIsChosenOnlyWhenTheRootReachesEverySubject() {
    Graph g = parse("""
        @prefix ex: <http://example.org/> .
        ex:p ex:has <http://example.org/p/c> ; a ex:Promise .
        <http://example.org/p/c> ex:label "c" .
        """);
    assertTrue(JsonLdFramer.reachesAll(g, org.apache.jena.graph.NodeFactory.createURI("http://example.org/p")));
    g.add(org.apache.jena.graph.NodeFactory.createURI("http://example.org/other"),
        org.apache.jena.graph.NodeFactory.createURI("http://example.org/municipality"),
        org.apache.jena.graph.NodeFactory.createURI("http://example.org/p"));
    assertTrue(!JsonLdFramer.reachesAll(g, org.apache.jena.graph.NodeFactory.createURI("http://example.org/p")),
        "a node pointing to the root is not reached from it");
    Graph typed = parse("""
        @prefix ex: <http://example.org/> .
        ex:p a ex:Promise . ex:Promise ex:label "class" .
        """);
    assertTrue(!JsonLdFramer.reachesAll(typed, org.apache.jena.graph.NodeFactory.createURI("http://example.org/p")),
        "framing does not follow rdf:type");
  }

  /** jsonld.js and pyld semantics: an integer is a JSON number, a decimal an exact string under its typed term. */
  @Test
  void integersAreJsonNumbersAndDecimalsStayExact() throws Exception {
    String root = "http://example.org/id/lofte/1492/2021/atagande/1";
    Graph graph = parse("@prefix lg: <https://w3id.org/loftesgrafen/def#> . @prefix schema: <https://schema.org/> ."
        + "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> ."
        + "<" + root + "> a lg:Commitment ; lg:textStart 12 ; lg:textEnd \"0040\"^^xsd:integer ; lg:target <" + root
        + "/mal> . <" + root + "/mal> a lg:Target ; schema:value 5.0 , 2.50 .");
    JsonLdFramer framer = new JsonLdFramer("http://example.org/context/v1.jsonld");
    String json = new String(framer.write(graph, root), StandardCharsets.UTF_8);
    JsonNode doc = new ObjectMapper().readTree(json);
    assertTrue(doc.path("textStart").isIntegralNumber() && doc.path("textStart").asInt() == 12, json);
    // a non-canonical lexical form ("0040") would change as a number: it stays a string
    assertTrue(doc.path("textEnd").isTextual() && doc.path("textEnd").asText().equals("0040"), json);
    JsonNode values = doc.path("targets").path(0).path("value");
    assertTrue(values.toString().contains("\"5.0\"") && values.toString().contains("\"2.50\""), json);
    Graph back = framer.toGraph(jakarta.json.Json.createReader(new java.io.StringReader(json)).readObject());
    assertTrue(back.isIsomorphicWith(graph), () -> "only in JSON-LD: " + difference(back, graph)
        + "\nonly in the graph: " + difference(graph, back));
  }

  static String difference(Graph a, Graph b) {
    return a.find().filterDrop(b::contains).toList().toString();
  }

  static Graph parse(String s) {
    Graph g = GraphFactory.createDefaultGraph();
    RDFParser.fromString(s, Lang.TURTLE).parse(g);
    return g;
  }
}
