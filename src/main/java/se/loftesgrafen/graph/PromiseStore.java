package se.loftesgrafen.graph;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.exec.QueryExec;

/**
 * The one way the rest of the code reaches the graph. Reads see the union of all named graphs as the default graph;
 * writes replace whole named graphs, atomically. Every call may block: never call it on the Vert.x event loop.
 */
public interface PromiseStore extends AutoCloseable {

  /** The embedded default: a TDB2 database in {@code folder}. */
  static PromiseStore embedded(Path folder) {
    return Tdb2PromiseStore.open(folder);
  }

  /**
   * A SPARQL 1.1 dataset on a server (Apache Jena Fuseki): queries at {@code <dataset>/sparql}, updates at
   * {@code <dataset>/update}, the Graph Store Protocol at {@code <dataset>/data}. Its default graph must be the
   * union of its named graphs (tdb2:unionDefaultGraph true), as the embedded store's is.
   */
  static PromiseStore remote(java.net.URI dataset) {
    return RemotePromiseStore.connect(dataset);
  }

  /**
   * Runs a query and hands the execution to {@code handler} inside a read transaction.
   * The execution is stopped after {@code timeout}; the handler's result is returned after the transaction ends.
   */
  <T> T query(Query query, Duration timeout, Function<QueryExec, T> handler);

  /** Replaces each named graph with the given content (an empty graph deletes it), all in one write transaction. */
  void replaceGraphs(Map<Node, Graph> graphs);

  /** A copy of one named graph; empty when it does not exist. */
  Graph graph(Node name);

  /** Streams every quad of every named graph to {@code sink} (for the dumps), inside one read transaction. */
  void export(org.apache.jena.riot.system.StreamRDF sink);

  /** Whether the store holds any named graph besides {@code except}. */
  boolean hasGraphsOtherThan(Node except);

  /**
   * The data version: it grows whenever the data changes and is kept in the store, so it is the same after a
   * restart (and for every instance in front of one remote store). Caches, ETags and dump releases key on it; it is
   * the epoch millisecond of the last change (see {@link #modified()}). 0 for a store never written.
   */
  long version();

  /** When the data last changed, from {@link #version()}: the same across restarts. */
  default java.time.Instant modified() {
    return java.time.Instant.ofEpochMilli(version());
  }

  /** The base IRI the data was minted under, as recorded in the store; empty for a store that has none recorded. */
  java.util.Optional<String> baseIri();

  /** Records the base IRI of the data (when the store is created, or rebased). Not a data change. */
  void recordBaseIri(String base);

  @Override
  void close();
}
