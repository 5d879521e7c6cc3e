package se.loftesgrafen.graph.sparql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.expr.aggregate.AggCustom;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.P_Path1;
import org.apache.jena.sparql.path.P_Path2;
import org.apache.jena.sparql.path.P_ReverseLink;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementAssign;
import org.apache.jena.sparql.syntax.ElementBind;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementTriplesBlock;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;

/**
 * What a query names that runs code or opens connections, wherever it stands: SERVICE endpoints, function IRIs,
 * custom aggregate IRIs and the predicates of its triple patterns and paths (property functions are predicates).
 * Found in the pattern at any depth, in sub-queries, and in EXISTS / NOT EXISTS inside FILTER, BIND, SELECT
 * expressions, GROUP BY, HAVING and ORDER BY. Jena's walkers do not descend into sub-queries or into the patterns
 * inside expressions, so this one does both itself.
 */
final class QueryReferences {
  private final List<Node> endpoints = new ArrayList<>();
  private final Set<String> functions = new LinkedHashSet<>();
  private final Set<String> aggregates = new LinkedHashSet<>();
  private final Set<String> predicates = new LinkedHashSet<>();

  private QueryReferences() {}

  static QueryReferences of(Query query) {
    QueryReferences found = new QueryReferences();
    found.query(query);
    return found;
  }

  /** The endpoint nodes (IRIs or variables) of every SERVICE in the query. */
  static List<Node> endpoints(Query query) {
    return of(query).endpoints();
  }

  List<Node> endpoints() {
    return List.copyOf(endpoints);
  }

  /** The IRIs of functions called by IRI ({@code <iri>(...)}, {@code xsd:integer(?x)}). */
  Set<String> functions() {
    return Set.copyOf(functions);
  }

  /** The IRIs of custom aggregates. */
  Set<String> aggregates() {
    return Set.copyOf(aggregates);
  }

  /** The IRIs in predicate position of triple patterns and property paths. */
  Set<String> predicates() {
    return Set.copyOf(predicates);
  }

  private void query(Query query) {
    query.getProject().getExprs().values().forEach(this::expr);
    if (query.hasGroupBy()) {
      query.getGroupBy().getExprs().values().forEach(this::expr);
    }
    query.getHavingExprs().forEach(this::expr);
    if (query.hasAggregators()) {
      query.getAggregators().forEach(this::expr);
    }
    if (query.getOrderBy() != null) {
      query.getOrderBy().stream().map(SortCondition::getExpression).forEach(this::expr);
    }
    if (query.getQueryPattern() != null) {
      element(query.getQueryPattern());
    }
  }

  private void element(Element element) {
    ElementWalker.walk(element, new ElementVisitorBase() {
      @Override
      public void visit(ElementService el) {
        endpoints.add(el.getServiceNode());
      }

      @Override
      public void visit(ElementSubQuery el) {
        query(el.getQuery());
      }

      @Override
      public void visit(ElementFilter el) {
        expr(el.getExpr());
      }

      @Override
      public void visit(ElementBind el) {
        expr(el.getExpr());
      }

      @Override
      public void visit(ElementAssign el) {
        expr(el.getExpr());
      }

      @Override
      public void visit(ElementPathBlock el) {
        el.getPattern().forEach(QueryReferences.this::triple);
      }

      @Override
      public void visit(ElementTriplesBlock el) {
        el.getPattern().forEach(t -> predicate(t.getPredicate()));
      }
    });
  }

  private void triple(TriplePath triple) {
    if (triple.isTriple()) {
      predicate(triple.getPredicate());
      return;
    }
    path(triple.getPath());
  }

  /** The links of a path: Jena compiles a sequence of links into triple patterns, where a property function acts. */
  private void path(Path path) {
    if (path instanceof P_Link link) {
      predicate(link.getNode());
    } else if (path instanceof P_ReverseLink link) {
      predicate(link.getNode());
    } else if (path instanceof P_Path1 one) {
      path(one.getSubPath());
    } else if (path instanceof P_Path2 two) {
      path(two.getLeft());
      path(two.getRight());
    }
  }

  private void predicate(Node node) {
    if (node != null && node.isURI()) {
      predicates.add(node.getURI());
    }
  }

  private void expr(Expr expr) {
    if (expr == null) {
      return;
    }
    Walker.walk(expr, new ExprVisitorBase() {
      @Override
      public void visit(ExprFunctionOp op) {
        if (op.getElement() != null) {
          element(op.getElement());
        }
      }

      @Override
      public void visit(ExprFunctionN func) {
        if (func instanceof E_Function f) {
          functions.add(f.getFunctionIRI());
        }
      }

      @Override
      public void visit(ExprAggregator agg) {
        if (agg.getAggregator() instanceof AggCustom custom) {
          aggregates.add(custom.getIRI());
        }
        if (agg.getAggregator().getExprList() != null) {
          agg.getAggregator().getExprList().forEach(QueryReferences.this::expr);
        }
      }
    });
  }
}
