package se.loftesgrafen.outcomes;

import java.time.Duration;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ParameterizedSparqlString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.Queries;

/**
 * Puts the bundled outcome figures into their named graph, replacing it in one write, unless the store already
 * holds this copy (its checksum is the data set's owl:versionInfo): loading twice changes nothing, and the data
 * version stays. The cube is checked against vocab/utfall/shapes.ttl before it is written; a copy that fails
 * changes nothing in the store. Blocks: call it on a worker thread.
 */
public final class OutcomesLoader {
  private static final Logger LOG = LoggerFactory.getLogger("outcomes");

  /**
   * @param observations observations in the graph
   * @param written      whether the graph was written (false: the store held this copy already)
   * @param checksum     SHA-256 of the bundled files
   */
  public record Loaded(int observations, boolean written, String checksum) {
  }

  private OutcomesLoader() {}

  public static Loaded load(PromiseStore store, Iris iris) {
    String checksum = OutcomeFiles.CLASSPATH.checksum();
    OutcomeIris names = new OutcomeIris(iris);
    if (holds(store, names, checksum)) {
      // The copy is not even read: a restart with the same jar costs one ASK.
      LOG.info("outcomes: the store holds this copy already (sha256 {})", checksum);
      return new Loaded(observations(store, names), false, checksum);
    }
    return load(store, iris, OutcomeFiles.CLASSPATH.read(), checksum);
  }

  /** As {@link #load(PromiseStore, Iris)} for a background thread: a failure is logged with its cause, not thrown. */
  public static void loadLogged(PromiseStore store, Iris iris) {
    try {
      load(store, iris);
    } catch (RuntimeException e) {
      LOG.error("outcomes: the bundled figures were not loaded (the store is unchanged): {}", e.toString());
    }
  }

  public static Loaded load(PromiseStore store, Iris iris, OutcomeData data, String checksum) {
    OutcomeIris names = new OutcomeIris(iris);
    if (holds(store, names, checksum)) {
      LOG.info("outcomes: the store holds this copy already (sha256 {})", checksum);
      return new Loaded(data.outcomes().size(), false, checksum);
    }
    long start = System.nanoTime();
    Graph cube = new OutcomeCube(names).build(data, checksum);
    long built = System.nanoTime();
    OutcomeShapes.check(cube);
    long checked = System.nanoTime();
    store.replaceGraphs(Map.of(names.graphNode(), cube));
    LOG.info("outcomes: wrote {} observations ({} triples) into {} (built {} ms, shapes {} ms, written {} ms)",
        data.outcomes().size(), cube.size(), names.graph().getURI(), (built - start) / 1_000_000,
        (checked - built) / 1_000_000, (System.nanoTime() - checked) / 1_000_000);
    return new Loaded(data.outcomes().size(), true, checksum);
  }

  private static int observations(PromiseStore store, OutcomeIris names) {
    ParameterizedSparqlString q = Queries.load("outcomes-count");
    q.setIri("g", names.graph().getURI());
    return store.query(q.asQuery(), Duration.ofMinutes(1),
        exec -> ((Number) exec.select().next().get("n").getLiteralValue()).intValue());
  }

  static boolean holds(PromiseStore store, OutcomeIris names, String checksum) {
    ParameterizedSparqlString q = Queries.load("outcomes-version");
    q.setIri("g", names.graph().getURI());
    q.setIri("dataSet", names.dataSet().getURI());
    q.setLiteral("version", "sha256:" + checksum);
    return store.query(q.asQuery(), Duration.ofMinutes(1), exec -> exec.ask());
  }
}
