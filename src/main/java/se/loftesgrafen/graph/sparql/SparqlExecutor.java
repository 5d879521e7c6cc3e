package se.loftesgrafen.graph.sparql;

import java.io.OutputStream;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.graph.GraphFactory;
import se.loftesgrafen.graph.PromiseStore;

/**
 * Runs the queries of the public endpoint: parsed as SPARQL 1.1 (never Update), with the time limit of the store
 * and a limit on result rows (SELECT) or triples (CONSTRUCT, DESCRIBE), written in the chosen format as it is
 * produced. A query over the limit fails with {@link ResultTooLargeException}; one over time with Jena's
 * {@code QueryCancelledException}.
 */
public final class SparqlExecutor {
  private final PromiseStore store;
  private final Duration timeout;
  private final long maxRows;
  private final QueryPolicy policy;

  /**
   * The base of a relative IRI in a query ({@code <s>}), as Fuseki's: fixed, never this process's working folder
   * (Jena's default, a {@code file:} IRI that leaks a server path and changes with it).
   */
  public static final String UNSET_BASE = "http://server/unset-base/";

  public SparqlExecutor(PromiseStore store, Duration timeout, long maxRows, QueryPolicy policy) {
    this.store = store;
    this.timeout = timeout;
    this.maxRows = maxRows;
    this.policy = policy;
  }

  /** More rows or triples than the endpoint gives in one answer. */
  public static final class ResultTooLargeException extends RuntimeException {
    public ResultTooLargeException(long maxRows) {
      super("the result has more than " + maxRows + " rows (service.sparqlMaxRows): narrow the query or add LIMIT"
          + " (use OFFSET to page), or download the dumps at /dumps/", null, false, false);
    }
  }

  /**
   * Parses a query (a QueryParseException names line and column). The protocol's dataset, when given
   * ({@code default-graph-uri}, {@code named-graph-uri}), replaces the query's FROM and FROM NAMED
   * (SPARQL 1.1 Protocol, 2.1.4). The {@link QueryPolicy} applies: a query it refuses throws
   * {@link QueryPolicy.RefusedQueryException}.
   */
  public Query parse(String text, List<String> defaultGraphs, List<String> namedGraphs) {
    Query query = policy.apply(QueryFactory.create(text, UNSET_BASE, Syntax.syntaxSPARQL_11));
    if (!defaultGraphs.isEmpty() || !namedGraphs.isEmpty()) {
      query.getGraphURIs().clear();
      query.getNamedGraphURIs().clear();
      defaultGraphs.forEach(query::addGraphURI);
      namedGraphs.forEach(query::addNamedGraphURI);
    }
    return query;
  }

  public long maxRows() {
    return maxRows;
  }

  public Duration timeout() {
    return timeout;
  }

  /** Runs the query and writes its answer to {@code out} in {@code format} (which must suit the query type). */
  public void execute(Query query, SparqlFormat format, OutputStream out) {
    // No LIMIT is added: rows are pulled one by one and counted, so the engine stops at the first row over the
    // limit anyway, and the query plan (e.g. a full sort, not a top-N) stays the one the client's query asks for.
    QueryDeadline.within(timeout, () -> store.query(query, timeout, exec -> {
      write(query, exec, format, out);
      return null;
    }));
  }

  private void write(Query query, QueryExec exec, SparqlFormat format, OutputStream out) {
    if (query.isSelectType()) {
      RowSet rows = exec.select();
      if (format == SparqlFormat.CSV) {
        ResultsCsv.write(out, rows.getResultVars(), limited(rows));
        return;
      }
      ResultSetMgr.write(out, ResultSet.adapt(RowSetStream.create(rows.getResultVars(), limited(rows))),
          format.lang());
    } else if (query.isAskType()) {
      ResultSetMgr.write(out, exec.ask(), format.lang());
    } else {
      Graph graph = GraphFactory.createDefaultGraph();
      graph.getPrefixMapping().setNsPrefixes(query.getPrefixMapping());
      Iterator<Triple> triples = query.isConstructType() ? exec.constructTriples() : exec.describeTriples();
      long n = 0;
      while (triples.hasNext()) {
        if (++n > maxRows) {
          throw new ResultTooLargeException(maxRows);
        }
        graph.add(triples.next());
      }
      RDFWriter.source(graph).format(format.rdfFormat()).output(out);
    }
  }

  private Iterator<Binding> limited(RowSet rows) {
    return new Iterator<>() {
      long n;

      @Override
      public boolean hasNext() {
        boolean more = rows.hasNext();
        if (more && n >= maxRows) {
          throw new ResultTooLargeException(maxRows);
        }
        return more;
      }

      @Override
      public Binding next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        n++;
        return rows.next();
      }
    };
  }
}
