package se.loftesgrafen.graph.sparql;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementAssign;
import org.apache.jena.sparql.syntax.ElementBind;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;

/**
 * Every SERVICE endpoint a query names, wherever it stands: in the pattern at any depth, in sub-queries, and in
 * EXISTS / NOT EXISTS inside FILTER, BIND, SELECT expressions, GROUP BY, HAVING and ORDER BY. Jena's walkers do
 * not descend into sub-queries or into the patterns inside expressions, so this one does both itself.
 */
final class ServiceFinder {
  private final List<Node> endpoints = new ArrayList<>();

  private ServiceFinder() {}

  /** The endpoint nodes (IRIs or variables) of every SERVICE in the query. */
  static List<Node> endpoints(Query query) {
    ServiceFinder finder = new ServiceFinder();
    finder.query(query);
    return List.copyOf(finder.endpoints);
  }

  private void query(Query query) {
    query.getProject().getExprs().values().forEach(this::expr);
    if (query.hasGroupBy()) {
      query.getGroupBy().getExprs().values().forEach(this::expr);
    }
    query.getHavingExprs().forEach(this::expr);
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
    });
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
    });
  }
}
