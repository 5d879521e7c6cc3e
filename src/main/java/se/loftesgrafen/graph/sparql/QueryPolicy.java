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
 * a client names, loopback included, and hand back the answer) unless the configuration names the endpoint; and its
 * regular expressions stop when the query's time limit does. The transform reaches every part of a query:
 * nested groups, OPTIONAL, UNION, MINUS, GRAPH, sub-queries and FILTER (NOT) EXISTS.
 */
public final class QueryPolicy {
  private final List<String> allowedServices;

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
    ServiceFinder.endpoints(query).forEach(this::check);
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
