package se.loftesgrafen.graph.describe;

import java.time.Duration;
import org.apache.jena.graph.Graph;
import java.util.Map;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.rdf.model.Resource;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.Queries;

/**
 * Describes one resource of the graph for dereferencing: its own triples, what it owns (a promise its period,
 * signatories, commitments and targets), the labels of what it points to, and a municipality's promises
 * (queries/describe-resource.rq).
 */
public final class ResourceDescriber {
  private static final Var RESOURCE = Var.alloc("resource");
  private final PromiseStore store;
  private final Duration timeout;
  /** Parsed once: a parse costs about as much as answering it (JFR); each call substitutes the resource. */
  private final Query template = Queries.load("describe-resource").asQuery();

  public ResourceDescriber(PromiseStore store, Duration timeout) {
    this.store = store;
    this.timeout = timeout;
  }

  /** The description; an empty graph when the store says nothing about the resource. */
  public Graph describe(Resource resource) {
    Query query = QueryTransformOps.replaceVars(template, Map.of(RESOURCE, resource.asNode()));
    Graph graph = store.query(query, timeout, exec -> exec.construct());
    graph.getPrefixMapping().setNsPrefixes(JsonLdFramer.PREFIXES);
    return graph;
  }
}
