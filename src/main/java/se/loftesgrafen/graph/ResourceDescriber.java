package se.loftesgrafen.graph;

import java.time.Duration;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.rdf.model.Resource;

/** Describes one resource of the graph: its own triples and the labels of what it points to. */
public final class ResourceDescriber {
  private final PromiseStore store;
  private final Duration timeout;

  public ResourceDescriber(PromiseStore store, Duration timeout) {
    this.store = store;
    this.timeout = timeout;
  }

  /** The description; an empty graph when the store says nothing about the resource. */
  public Graph describe(Resource resource) {
    ParameterizedSparqlString q = Queries.load("describe-resource");
    q.setParam("resource", resource);
    return store.query(q.asQuery(), timeout, exec -> exec.construct());
  }
}
