package se.loftesgrafen.graph.sparql;

import java.net.URI;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * What a public query may do, applied to the parsed query before it runs: it reads only local data (a SERVICE
 * clause, https://www.w3.org/TR/sparql11-federated-query/, would make the server open a connection to any address
 * a client names, loopback included, and hand back the answer) unless the configuration names the endpoint; it calls
 * only the functions and property functions of the {@link FunctionLibrary} (Jena would instantiate any class named
 * by a {@code java:} IRI); and its regular expressions stop when the query's time limit does. The transform reaches every part of a query:
 * nested groups, OPTIONAL, UNION, MINUS, GRAPH, sub-queries and FILTER (NOT) EXISTS.
 */
public final class QueryPolicy {
  private final List<String> allowedServices;
  private final FunctionLibrary functions = FunctionLibrary.standard();

  public QueryPolicy(List<URI> allowedServices) {
    this.allowedServices = allowedServices.stream().map(URI::toString).toList();
  }

  /** A query that the policy refuses, with the reason for the client. */
  public static final class RefusedQueryException extends RuntimeException {
    RefusedQueryException(String message) {
      super(message, null, false, false);
    }
  }

  /** The query as it may run; throws {@link RefusedQueryException} when it may not. */
  public Query apply(Query query) {
    QueryReferences references = QueryReferences.of(query);
    references.endpoints().forEach(this::check);
    checkFunctions(references);
    Query checked = QueryTransformOps.transform(query, new ElementTransformCopyBase(), new RegexRewrite());
    // the transform may drop the dataset description of the original; keep it
    query.getGraphURIs().forEach(g -> {
      if (!checked.getGraphURIs().contains(g)) {
        checked.addGraphURI(g);
      }
    });
    query.getNamedGraphURIs().forEach(g -> {
      if (!checked.getNamedGraphURIs().contains(g)) {
        checked.addNamedGraphURI(g);
      }
    });
    return checked;
  }

  private void check(Node service) {
    if (!service.isURI()) {
      throw new RefusedQueryException("SERVICE " + service + " is not allowed: this endpoint runs queries on its"
          + " own data only, and an endpoint given by a variable cannot be checked against the allowed list"
          + allowed());
    }
    if (!allowedServices.contains(service.getURI())) {
      throw new RefusedQueryException("SERVICE <" + service.getURI() + "> is not allowed: this endpoint runs"
          + " queries on its own data only" + allowed());
    }
  }

  /** Only the documented function library: Jena would otherwise run any function it finds by IRI. */
  private void checkFunctions(QueryReferences references) {
    for (String iri : references.functions()) {
      if (!functions.allowsFunction(iri)) {
        throw new RefusedQueryException("the function <" + iri + "> is not in this endpoint's function library (the"
            + " service description at /sparql lists them as sd:extensionFunction)");
      }
    }
    for (String iri : references.aggregates()) {
      throw new RefusedQueryException("the custom aggregate <" + iri + "> is not allowed: this endpoint has the"
          + " aggregates of SPARQL 1.1 only");
    }
    for (String iri : references.predicates()) {
      if (!functions.allowsPredicate(iri)) {
        throw new RefusedQueryException("<" + iri + "> in predicate position names a property function that is not"
            + " in this endpoint's function library (the service description at /sparql lists them)");
      }
    }
  }

  private String allowed() {
    return allowedServices.isEmpty() ? " (service.sparqlServiceAllowList is empty)"
        : " (service.sparqlServiceAllowList: " + allowedServices + ")";
  }

  private static final class RegexRewrite extends ExprTransformCopy {
    RegexRewrite() {
      super(COPY_ONLY_ON_CHANGE);
    }

    @Override
    public Expr transform(ExprFunctionN func, ExprList args) {
      if (func instanceof E_Regex && !(func instanceof CancellableRegex.Match)) {
        return CancellableRegex.regex(args);
      }
      if (func instanceof E_StrReplace && !(func instanceof CancellableRegex.Replace)) {
        return CancellableRegex.replace(args);
      }
      return super.transform(func, args);
    }
  }
}
