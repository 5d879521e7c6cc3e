package se.loftesgrafen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import se.loftesgrafen.graph.PromiseStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import se.loftesgrafen.testing.RunningService;

/**
 * {@code validate} on a store the service wrote on port 0: the IRIs are minted under the configured base IRI, not
 * the port, so validate opens the store as the service does and checks the same graph.
 */
class ValidateCommandIT {
  @TempDir
  Path store;

  @Test
  void theHarvestedSamplePassesTheShapes() throws Exception {
    try (RunningService service = RunningService.start(store)) {
      assertTrue(service.service().port() != 8080);
    }
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    int exit = cl.execute("validate", "--store", store.toString());
    assertTrue(out.toString().contains(" 0 violations"), out.toString());
    assertEquals(0, exit, out.toString());
  }

  /**
   * Two pages restating one commitment at different offsets give it two lg:textStart in the store, one per
   * snapshot graph: each graph passes the shapes, so the store does. Two offsets within one graph do not.
   */
  @Test
  void shapesHoldPerSnapshotGraphNotOverTheUnion() throws Exception {
    try (RunningService service = RunningService.start(store)) {
      // let the search index finish reading the store before the service closes it
      for (int i = 0; i < 60 && service.get("/api/search?q=narkotika").statusCode() != 200; i++) {
        Thread.sleep(500);
      }
    }
    Node textStart = NodeFactory.createURI("https://w3id.org/loftesgrafen/def#textStart");
    try (PromiseStore s = PromiseStore.embedded(store)) {
      Node graphName = s.query(QueryFactory.create("SELECT ?g { GRAPH ?g { ?c <" + textStart.getURI()
          + "> ?o } } LIMIT 1"), Duration.ofMinutes(1), exec -> exec.select().next().get("g"));
      Graph restated = GraphFactory.createDefaultGraph();
      s.graph(graphName).find().forEachRemaining(t -> restated.add(t.getPredicate().equals(textStart)
          ? Triple.create(t.getSubject(), textStart, NodeFactory.createLiteralDT(
              String.valueOf(((Number) t.getObject().getLiteralValue()).intValue() + 7), XSDDatatype.XSDinteger))
          : t));
      s.replaceGraphs(Map.of(NodeFactory.createURI(graphName.getURI() + "-restated"), restated));
    }
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    assertEquals(0, cl.execute("validate", "--store", store.toString()), out.toString());
    assertTrue(out.toString().contains(" 0 violations"), out.toString());

    // the negative control: both offsets in one graph break the shapes, and validate names that graph
    try (PromiseStore s = PromiseStore.embedded(store)) {
      Node restatedName = NodeFactory.createURI(s.query(QueryFactory.create("SELECT ?g { GRAPH ?g { } "
          + "FILTER(STRENDS(STR(?g), \"-restated\")) }"), Duration.ofMinutes(1),
          exec -> exec.select().next().get("g").getURI()));
      Node original = NodeFactory.createURI(restatedName.getURI().replace("-restated", ""));
      Graph both = s.graph(original);
      s.graph(restatedName).find().forEachRemaining(both::add);
      s.replaceGraphs(Map.of(restatedName, both));
    }
    StringWriter out2 = new StringWriter();
    cl.setOut(new PrintWriter(out2, true));
    assertEquals(1, cl.execute("validate", "--store", store.toString()), out2.toString());
    assertTrue(out2.toString().contains("-restated>") && out2.toString().contains("textStart"), out2.toString());
  }
}
