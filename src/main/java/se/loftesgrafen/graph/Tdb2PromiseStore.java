package se.loftesgrafen.graph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DynamicDatasets;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.tdb2.DatabaseMgr;

/** The embedded store: TDB2 on local disk. The only class that names TDB2. */
final class Tdb2PromiseStore implements PromiseStore {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("store");
  /** How long {@link #close()} waits for reads still running (a search index build reads every commitment). */
  static final Duration CLOSE_GRACE = Duration.ofSeconds(15);
  private final DatasetGraph dataset;
  private final AtomicLong version;

  private Tdb2PromiseStore(DatasetGraph dataset) {
    this.dataset = dataset;
    // The default graph of a query is the union of all named graphs (one graph per source snapshot). The stored
    // default graph is thereby out of sight of every query: it holds the store's bookkeeping (StoreMeta).
    dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
    // TDB2 (Jena 6.0) fails with "ARQInternalErrorException: Peek iterator is already empty" in
    // OpExecutorTDB2.reorder when a FILTER placed inside a basic graph pattern leaves a part of it matching nothing
    // (a date filter for a year without promises did). Filters are then placed around the pattern instead.
    dataset.getContext().set(org.apache.jena.query.ARQ.optFilterPlacementBGP, false);
    this.version = new AtomicLong(meta(StoreMeta.DATA_VERSION).map(Long::parseLong).orElse(0L));
  }

  private Optional<String> meta(Node property) {
    return Txn.calculateRead(dataset, () -> {
      Iterator<Triple> found = dataset.getDefaultGraph().find(StoreMeta.SUBJECT, property, Node.ANY);
      return found.hasNext() ? Optional.of(found.next().getObject().getLiteralLexicalForm()) : Optional.<String>empty();
    });
  }

  /** Sets a bookkeeping value; call inside a write transaction. */
  private void setMeta(Node property, String value) {
    Graph meta = dataset.getDefaultGraph();
    meta.remove(StoreMeta.SUBJECT, property, Node.ANY);
    meta.add(Triple.create(StoreMeta.SUBJECT, property, NodeFactory.createLiteralString(value)));
  }

  static Tdb2PromiseStore open(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (java.io.IOException e) {
      throw new StoreException("cannot create store folder " + folder + ": " + e.getMessage(), e);
    }
    try {
      return new Tdb2PromiseStore(DatabaseMgr.connectDatasetGraph(folder.resolve("tdb2").toString()));
    } catch (org.apache.jena.dboe.DBOpEnvException e) {
      // TDB2 allows one process per database: another service or harvest holds its lock file.
      throw StoreException.inUse("store " + folder + " is in use by another process, such as a running serve ("
          + e.getMessage().strip().replace('\n', ' ') + "): ask the service (POST /admin/harvest, /dumps/), or stop"
          + " it first, or choose another --store", e);
    }
  }

  @Override
  public <T> T query(Query query, Duration timeout, Function<QueryExec, T> handler) {
    return Txn.calculateRead(dataset, () -> {
      DatasetGraph target = dataset;
      Query q = query;
      if (query.hasDatasetDescription()) {
        // FROM / FROM NAMED (or the protocol's default-graph-uri): a dataset of just those graphs. TDB2's own
        // handling would keep the union default graph of the whole store.
        target = DynamicDatasets.dynamicDataset(query.getDatasetDescription(), dataset, false);
        q = query.cloneQuery();
        q.getGraphURIs().clear();
        q.getNamedGraphURIs().clear();
      }
      try (QueryExec exec = QueryExec.dataset(target).query(q)
          .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build()) {
        return handler.apply(exec);
      }
    });
  }

  @Override
  public void replaceGraphs(Map<Node, Graph> graphs) {
    long next = StoreMeta.next(version.get());
    Txn.executeWrite(dataset, () -> {
      graphs.forEach((name, content) -> {
        dataset.removeGraph(name);
        if (!content.isEmpty()) {
          dataset.addGraph(name, content);
        }
      });
      setMeta(StoreMeta.DATA_VERSION, Long.toString(next)); // in the same transaction as the change it counts
    });
    version.set(next);
  }

  @Override
  public Optional<String> baseIri() {
    return meta(StoreMeta.BASE_IRI);
  }

  @Override
  public void recordBaseIri(String base) {
    Txn.executeWrite(dataset, () -> setMeta(StoreMeta.BASE_IRI, base));
  }

  @Override
  public Graph graph(Node name) {
    return Txn.calculateRead(dataset, () -> {
      Graph copy = GraphFactory.createDefaultGraph();
      dataset.getGraph(name).find().forEachRemaining(copy::add);
      return copy;
    });
  }

  @Override
  public void export(org.apache.jena.riot.system.StreamRDF sink) {
    Txn.executeRead(dataset, () -> {
      sink.start();
      dataset.findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(sink::quad); // not the bookkeeping
      sink.finish();
    });
  }

  @Override
  public boolean hasGraphsOtherThan(Node except) {
    return Txn.calculateRead(dataset, () -> {
      Iterator<Node> names = dataset.listGraphNodes();
      while (names.hasNext()) {
        if (!names.next().equals(except)) {
          return true;
        }
      }
      return false;
    });
  }

  @Override
  public long version() {
    return version.get();
  }

  /**
   * Closes the store, releasing its files and lock. Reads may still be running on other threads when a service
   * stops (the search index is rebuilt, representations are rendered ahead, after every change): TDB2 refuses to
   * close under them ("Can't expel: Active transactions"), which left the store open and locked. They get
   * {@link #CLOSE_GRACE} to end; what still runs after that is closed under, with a warning.
   */
  @Override
  public void close() {
    org.apache.jena.dboe.transaction.txn.TransactionCoordinator transactions =
        TDBInternal.getDatasetGraphTDB(dataset).getTxnSystem().getTxnMgr();
    long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
    boolean interrupted = false;
    while (transactions.countActive() > 0 && System.nanoTime() < deadline && !interrupted) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    long active = transactions.countActive();
    if (active > 0) {
      LOG.warn("closing the store while {} transaction(s) still run (waited {} s for them)", active,
          CLOSE_GRACE.toSeconds());
    }
    dataset.close();
    TDBInternal.expel(dataset, active > 0);
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
