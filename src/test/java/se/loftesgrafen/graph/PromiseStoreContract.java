package se.loftesgrafen.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.loftesgrafen.testing.SyntheticNation;

/**
 * The contract of {@link PromiseStore}, run against every implementation (as RDF4J's repository tests are): named
 * graphs replaced atomically, the union default graph, one graph by the query's dataset, the version, export, and
 * the time limit.
 */
abstract class PromiseStoreContract {
  static final Iris IRIS = new Iris(URI.create("http://example.org/"));
  static final SyntheticNation NATION = SyntheticNation.generate(3, 2020, 2, 4, 11);
  PromiseStore store;

  abstract PromiseStore open() throws Exception;

  /** The same store again, as a restarted service opens it (nothing emptied). */
  abstract PromiseStore reopen() throws Exception;

  @BeforeEach
  void setUp() throws Exception {
    store = open();
    NATION.load(store, IRIS, 2);
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  static Node graphOf(SyntheticNation.Page page) {
    return NodeFactory.createURI(IRIS.snapshot(page.snapshot().url(), page.snapshot().sha256()).getURI());
  }

  long count(String query) {
    return store.query(QueryFactory.create(query), Duration.ofSeconds(10), exec -> {
      RowSet rows = exec.select();
      return Long.parseLong(rows.next().get("n").getLiteralLexicalForm());
    });
  }

  @Test
  void theDefaultGraphIsTheUnionOfTheNamedGraphs() {
    assertEquals(NATION.pages().size(), count("PREFIX lg: <https://w3id.org/loftesgrafen/def#> "
        + "SELECT (COUNT(DISTINCT ?p) AS ?n) { ?p a lg:CitizenPromise }"));
    assertEquals(NATION.pages().size() * 4L, count("PREFIX lg: <https://w3id.org/loftesgrafen/def#> "
        + "SELECT (COUNT(DISTINCT ?c) AS ?n) { ?c a lg:Commitment }"));
  }

  @Test
  void aQueryCanAskForOneGraph() {
    Node g = graphOf(NATION.pages().get(0));
    assertEquals(1, count("PREFIX lg: <https://w3id.org/loftesgrafen/def#> SELECT (COUNT(DISTINCT ?p) AS ?n) FROM <"
        + g.getURI() + "> { ?p a lg:CitizenPromise }"));
    assertEquals(1, count("PREFIX lg: <https://w3id.org/loftesgrafen/def#> SELECT (COUNT(DISTINCT ?p) AS ?n) { GRAPH <"
        + g.getURI() + "> { ?p a lg:CitizenPromise } }"));
  }

  @Test
  void replacingAGraphReplacesItsTriplesAndChangesTheVersion() {
    SyntheticNation.Page page = NATION.pages().get(0);
    Node g = graphOf(page);
    Graph before = store.graph(g);
    assertFalse(before.isEmpty());
    long version = store.version();
    Graph smaller = GraphFactory.createDefaultGraph();
    before.find().toList().subList(0, 5).forEach(smaller::add);
    store.replaceGraphs(Map.of(g, smaller));
    assertNotEquals(version, store.version());
    assertTrue(store.graph(g).isIsomorphicWith(smaller));
    store.replaceGraphs(Map.of(g, GraphFactory.createDefaultGraph()));
    assertTrue(store.graph(g).isEmpty(), "an empty graph deletes it");
    assertTrue(store.graph(NodeFactory.createURI("http://example.org/no-such-graph")).isEmpty());
  }

  @Test
  void exportGivesEveryQuadOfEveryNamedGraph() {
    DatasetGraph copy = DatasetGraphFactory.create();
    store.export(StreamRDFLib.dataset(copy));
    long expected = 0;
    List<Node> names = new ArrayList<>();
    for (SyntheticNation.Page p : NATION.pages()) {
      names.add(graphOf(p));
      expected += store.graph(graphOf(p)).size();
    }
    assertEquals(expected, copy.stream().count());
    names.forEach(n -> assertTrue(copy.containsGraph(n), n.toString()));
  }

  @Test
  void theDataVersionAndTheBaseIriSurviveReopening() throws Exception {
    store.recordBaseIri("http://example.org/");
    long version = store.version();
    assertTrue(version > 0, "written data has a version");
    store.close();
    store = reopen();
    assertEquals(version, store.version(), "a restart is not a change of the data");
    assertEquals(java.util.Optional.of("http://example.org/"), store.baseIri());
    store.replaceGraphs(Map.of(graphOf(NATION.pages().get(0)), GraphFactory.createDefaultGraph()));
    assertTrue(store.version() > version, "a change is");
    assertEquals(java.util.Optional.of("http://example.org/"), store.baseIri(), "and keeps the base");
  }

  @Test
  void graphsOtherThanOneAreSeen() {
    assertTrue(store.hasGraphsOtherThan(graphOf(NATION.pages().get(0))));
  }

  @Test
  void aSlowQueryIsStoppedAtTheLimit() {
    long start = System.nanoTime();
    assertThrows(QueryCancelledException.class, () -> store.query(QueryFactory.create(
        "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"), Duration.ofMillis(500),
        exec -> exec.select().next()));
    assertTrue((System.nanoTime() - start) / 1_000_000 < 5000, "stopped in time");
  }
}
