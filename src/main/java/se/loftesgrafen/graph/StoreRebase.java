package se.loftesgrafen.graph;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Moves a store's data from one base IRI to another: every IRI under the old base, graph names included, is
 * renamed to the same path under the new one, in one write, and the new base is recorded. This is how a store
 * minted under a development base ({@code http://localhost:8080/}) becomes one under the public base.
 */
public final class StoreRebase {
  private StoreRebase() {}

  /** What a rebase did. */
  public record Result(int graphs, long triples) {
  }

  public static Result rebase(PromiseStore store, String from, String to) {
    List<Node> names = store.query(QueryFactory.create("SELECT DISTINCT ?g { GRAPH ?g { } }"), Duration.ofMinutes(10),
        exec -> {
          RowSet rows = exec.select();
          List<Node> found = new ArrayList<>();
          rows.forEachRemaining(b -> found.add(b.get("g")));
          return found;
        });
    Map<Node, Graph> writes = new HashMap<>();
    long triples = 0;
    for (Node name : names) {
      Graph moved = GraphFactory.createDefaultGraph();
      store.graph(name).find().forEachRemaining(t -> moved.add(Triple.create(
          rename(t.getSubject(), from, to), rename(t.getPredicate(), from, to), rename(t.getObject(), from, to))));
      triples += moved.size();
      Node target = rename(name, from, to);
      writes.putIfAbsent(name, GraphFactory.createDefaultGraph()); // the old name goes, unless it is a new name too
      writes.put(target, moved);
    }
    store.replaceGraphs(writes);
    store.recordBaseIri(to);
    return new Result(names.size(), triples);
  }

  static Node rename(Node node, String from, String to) {
    if (node.isURI() && node.getURI().startsWith(from)) {
      return NodeFactory.createURI(to + node.getURI().substring(from.length()));
    }
    return node;
  }
}
