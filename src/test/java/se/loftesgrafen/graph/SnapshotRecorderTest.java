package se.loftesgrafen.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.loftesgrafen.extract.Commitment;
import se.loftesgrafen.extract.ExtractedPromise;
import se.loftesgrafen.vocab.LG;
import se.loftesgrafen.vocab.PROV;

/** The history rules of the brief, on a real TDB2 store. */
class SnapshotRecorderTest {
  static final String URL = "https://www.amal.se/medborgarlofte.html";
  @TempDir
  Path dir;
  PromiseStore store;
  SnapshotRecorder recorder;
  Iris iris = new Iris(URI.create("http://example.org/"));

  @BeforeEach
  void open() {
    store = PromiseStore.embedded(dir);
    recorder = new SnapshotRecorder(store, new PromiseMapper(iris, "test"), iris);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void anEditWithinAPeriodReplacesThePromiseAndKeepsTheOldSnapshotAsHistory() {
    String first = record("v1", "2021", "Polisen ska synas mer i centrum.");
    String second = record("v2", "2021", "Polisen ska synas mer i centrum.", "Kommunen ska tända fler lampor.");
    Graph old = store.graph(node(first));
    assertTrue(old.contains(node(first), PROV.invalidatedAtTime.asNode(), Node.ANY), "old snapshot invalidated");
    assertTrue(old.contains(node(first), LG.sha256.asNode(), Node.ANY), "old snapshot keeps its provenance");
    assertFalse(old.contains(Node.ANY, LG.commitment.asNode(), Node.ANY), "old promise triples removed");
    Graph now = store.graph(node(second));
    assertTrue(now.contains(node(second), PROV.wasRevisionOf.asNode(), node(first)));
    assertEquals(2, count("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?p <" + LG.commitment.getURI() + "> ?c }"),
        "the union graph shows one version of the promise");
    assertEquals(second, recorder.current(URL).orElseThrow().snapshot());
  }

  @Test
  void aNewPeriodOnTheSamePageKeepsTheEarlierPromise() {
    record("v1", "2021", "Polisen ska synas mer i centrum.");
    record("v2", "2022", "Polisen ska arbeta mot narkotika.");
    assertEquals(2, count("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a <" + LG.CitizenPromise.getURI() + "> }"));
  }

  @Test
  void aGonePageIsMarkedOnceAndUnmarkedWhenItReturns() {
    String s = record("v1", "2021", "Polisen ska synas mer i centrum.");
    assertTrue(recorder.markGone(URL, LocalDate.of(2026, 11, 22)));
    assertTrue(recorder.markGone(URL, LocalDate.of(2026, 11, 23)));
    Graph g = store.graph(node(s));
    assertEquals(1, g.find(node(s), LG.goneSince.asNode(), Node.ANY).toList().size());
    assertTrue(g.contains(Node.ANY, LG.commitment.asNode(), Node.ANY), "nothing deleted");
    assertTrue(recorder.current(URL).orElseThrow().gone());
    recorder.markPresent(URL);
    assertFalse(recorder.current(URL).orElseThrow().gone());
    assertFalse(recorder.markGone("https://nowhere.example/", LocalDate.now()), "no snapshot: nothing to mark");
  }

  private String record(String version, String year, String... commitments) {
    List<Commitment> list = java.util.stream.IntStream.range(0, commitments.length).mapToObj(i ->
        new Commitment(commitments[i], Set.of(Commitment.Actor.POLISEN), List.of(), Commitment.Kind.ACTIVITY,
            List.of(), i * 100, i * 100 + commitments[i].length())).toList();
    ExtractedPromise p = new ExtractedPromise(URL, true, List.of(new ExtractedPromise.MunicipalityRef("1492", "Åmål")),
        Optional.empty(), Optional.of(new ExtractedPromise.Period(Optional.of(year), Optional.of(year), year)),
        Optional.empty(), Optional.empty(), List.of(), List.of(), list, Optional.of("Medborgarlöfte " + year));
    String sha = Iris.sha256Hex((version + String.join("", commitments)).getBytes(StandardCharsets.UTF_8));
    return recorder.record(new SnapshotInfo(URL, Instant.now(), 200, "text/html", sha, Optional.empty(),
        Optional.empty(), "run-" + version, Optional.empty()), p);
  }

  private int count(String select) {
    return store.query(QueryFactory.create(select), Duration.ofSeconds(10),
        exec -> ResultSet.adapt(exec.select()).next().getLiteral("n").getInt());
  }

  private static Node node(String iri) {
    return NodeFactory.createURI(iri);
  }
}
