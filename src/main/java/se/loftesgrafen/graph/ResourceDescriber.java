package se.loftesgrafen.graph;

import java.time.Duration;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.rdf.model.Resource;

/**
 * Describes one resource of the graph for dereferencing: its own triples, what it owns (a promise its period,
 * signatories, commitments and targets), the labels of what it points to, and a municipality's promises
 * (queries/describe-resource.rq).
 */
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
    Graph graph = store.query(q.asQuery(), timeout, exec -> exec.construct());
    graph.getPrefixMapping().setNsPrefixes(JsonLdFramer.PREFIXES);
    return graph;
  }
}
