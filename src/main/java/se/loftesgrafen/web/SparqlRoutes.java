package se.loftesgrafen.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import se.loftesgrafen.graph.PromiseStore;

/**
 * {@code /sparql}: the SPARQL 1.1 Protocol, read-only (walking skeleton: GET with {@code query=}, JSON results,
 * Turtle for graphs). Queries run on the worker pool with the configured time limit.
 */
final class SparqlRoutes {
  private final PromiseStore store;
  private final BlockingWork blocking;
  private final Duration timeout;

  SparqlRoutes(PromiseStore store, BlockingWork blocking, Duration timeout) {
    this.store = store;
    this.blocking = blocking;
    this.timeout = timeout;
  }

  void mount(Router router) {
    router.get("/sparql").handler(this::query);
  }

  private void query(RoutingContext ctx) {
    String text = ctx.request().getParam("query");
    if (text == null || text.isBlank()) {
      ctx.fail(new HttpError(400, "missing parameter 'query' (SPARQL 1.1 Protocol: GET /sparql?query=...)"));
      return;
    }
    blocking.respond(ctx, () -> execute(QueryFactory.create(text, Syntax.syntaxSPARQL_11)), answer ->
        ctx.response().putHeader("Content-Type", answer.contentType()).end(io.vertx.core.buffer.Buffer.buffer(answer.body())));
  }

  private Answer execute(Query query) {
    return store.query(query, timeout, exec -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (query.isSelectType()) {
        ResultSetMgr.write(out, org.apache.jena.query.ResultSet.adapt(exec.select()), ResultSetLang.RS_JSON);
        return new Answer("application/sparql-results+json", out.toByteArray());
      }
      if (query.isAskType()) {
        ResultSetMgr.write(out, exec.ask(), ResultSetLang.RS_JSON);
        return new Answer("application/sparql-results+json", out.toByteArray());
      }
      RDFDataMgr.write(out, query.isConstructType() ? exec.construct() : exec.describe(), Lang.TURTLE);
      return new Answer("text/turtle; charset=utf-8", out.toByteArray());
    });
  }

  private record Answer(String contentType, byte[] body) {
  }
}
