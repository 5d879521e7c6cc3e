package se.loftesgrafen.graph;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.GSP;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.UpdateExecHTTP;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.update.UpdateRequest;
import org.apache.jena.sparql.modify.request.Target;

/**
 * The scale-out store: a SPARQL 1.1 dataset on a server (Apache Jena Fuseki) reached over the SPARQL 1.1 Protocol
 * and the Graph Store Protocol. A replacement of named graphs is one SPARQL Update request, which the server
 * runs in one transaction. The data version lives in the store itself (one triple in a graph of its own), so
 * every service instance in front of the same store sees a write at most a second late.
 */
final class RemotePromiseStore implements PromiseStore {
  private static final Node META = StoreMeta.SUBJECT;
  private static final Node VERSION = StoreMeta.DATA_VERSION;

  private final String dataset;
  private final HttpClient http;
  private volatile long version;
  private volatile java.util.Optional<String> base = java.util.Optional.empty();
  private final java.util.concurrent.ScheduledExecutorService poller =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "remote-store-version");
        t.setDaemon(true);
        return t;
      });

  private RemotePromiseStore(String dataset) {
    this.dataset = dataset;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  static RemotePromiseStore connect(URI dataset) {
    String text = dataset.toString();
    RemotePromiseStore store = new RemotePromiseStore(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    try {
      store.readVersion();
    } catch (RuntimeException e) {
      throw new StoreException("cannot reach the remote store " + dataset + ": " + e.getMessage(), e);
    }
    store.poller.scheduleWithFixedDelay(store::pollVersion, 1, 1, TimeUnit.SECONDS);
    return store;
  }

  private void pollVersion() {
    try {
      readVersion();
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger("store").warn("remote store {}: cannot read the data version: {}", dataset,
          e.toString());
    }
  }

  @Override
  public <T> T query(Query query, Duration timeout, Function<QueryExec, T> handler) {
    // The server stops the query at the limit (Fuseki's timeout parameter, seconds); the client gives up a little later.
    try (QueryExec exec = QueryExecHTTP.service(dataset + "/sparql").httpClient(http).query(query)
        .param("timeout", String.format(Locale.ROOT, "%.3f", timeout.toMillis() / 1000.0))
        .timeout(timeout.toMillis() + 500, TimeUnit.MILLISECONDS).build()) {
      return handler.apply(exec);
    } catch (HttpException | QueryExceptionHTTP e) {
      if (isTimeout(e)) {
        throw new QueryCancelledException();
      }
      throw new StoreException("remote store " + dataset + " failed the query: " + e.getMessage(), e);
    }
  }

  /**
   * Fuseki answers a query stopped at its limit with 503; the HTTP client's own limit is an HttpTimeoutException
   * somewhere in the causes.
   */
  private static boolean isTimeout(RuntimeException e) {
    int status = e instanceof HttpException h ? h.getStatusCode()
        : e instanceof QueryExceptionHTTP q ? q.getStatusCode() : -1;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpTimeoutException) {
        return true;
      }
    }
    return status == 503;
  }

  @Override
  public void replaceGraphs(Map<Node, Graph> graphs) {
    UpdateRequest request = new UpdateRequest();
    graphs.forEach((name, content) -> {
      request.add(new UpdateDrop(Target.create(name), true));
      if (!content.isEmpty()) {
        QuadDataAcc quads = new QuadDataAcc();
        content.find().forEachRemaining(t -> quads.addQuad(Quad.create(name, t)));
        request.add(new UpdateDataInsert(quads));
      }
    });
    long next = StoreMeta.next(readVersion());
    request.add(new UpdateDrop(Target.create(META), true));
    QuadDataAcc stamp = new QuadDataAcc();
    stamp.addQuad(Quad.create(META, META, VERSION, NodeFactory.createLiteralString(Long.toString(next))));
    base.ifPresent(b -> stamp.addQuad(Quad.create(META, META, StoreMeta.BASE_IRI, NodeFactory.createLiteralString(b))));
    request.add(new UpdateDataInsert(stamp));
    try {
      UpdateExecHTTP.service(dataset + "/update").httpClient(http).update(request).execute();
    } catch (HttpException e) {
      throw new StoreException("remote store " + dataset + " refused the update: " + e.getMessage(), e);
    }
    version = next;
  }

  @Override
  public Graph graph(Node name) {
    try {
      Graph copy = GraphFactory.createDefaultGraph();
      GSP.service(dataset + "/data").httpClient(http).graphName(name).GET().find().forEachRemaining(copy::add);
      return copy;
    } catch (HttpException e) {
      if (e.getStatusCode() == 404) {
        return GraphFactory.createDefaultGraph();
      }
      throw new StoreException("remote store " + dataset + " failed to give graph " + name + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void export(StreamRDF sink) {
    ParameterizedSparqlString pss = Queries.load("remote-export");
    pss.setParam("meta", META);
    Query all = pss.asQuery();
    query(all, Duration.ofHours(1), exec -> {
      sink.start();
      RowSet rows = exec.select();
      while (rows.hasNext()) {
        Binding b = rows.next();
        sink.quad(Quad.create(b.get("g"), b.get("s"), b.get("p"), b.get("o")));
      }
      sink.finish();
      return null;
    });
  }

  @Override
  public boolean hasGraphsOtherThan(Node except) {
    ParameterizedSparqlString pss = Queries.load("remote-has-graphs");
    pss.setParam("except", except);
    pss.setParam("meta", META);
    Query ask = pss.asQuery();
    return query(ask, Duration.ofSeconds(30), QueryExec::ask);
  }

  /** Never blocks: the version is re-read from the store every second by a background thread. */
  @Override
  public long version() {
    return version;
  }

  @Override
  public java.util.Optional<String> baseIri() {
    readVersion();
    return base;
  }

  @Override
  public void recordBaseIri(String iri) {
    UpdateRequest request = new UpdateRequest();
    request.add(new UpdateDrop(Target.create(META), true));
    QuadDataAcc stamp = new QuadDataAcc();
    stamp.addQuad(Quad.create(META, META, VERSION, NodeFactory.createLiteralString(Long.toString(readVersion()))));
    stamp.addQuad(Quad.create(META, META, StoreMeta.BASE_IRI, NodeFactory.createLiteralString(iri)));
    request.add(new UpdateDataInsert(stamp));
    try {
      UpdateExecHTTP.service(dataset + "/update").httpClient(http).update(request).execute();
    } catch (HttpException e) {
      throw new StoreException("remote store " + dataset + " refused the update: " + e.getMessage(), e);
    }
    base = java.util.Optional.of(iri);
  }

  /** Reads the bookkeeping graph: the data version (returned) and the recorded base IRI. */
  private long readVersion() {
    ParameterizedSparqlString pss = Queries.load("remote-version");
    pss.setParam("meta", META);
    Query q = pss.asQuery();
    long[] read = {0L};
    java.util.Optional<String>[] recorded = new java.util.Optional[] {java.util.Optional.empty()};
    query(q, Duration.ofSeconds(10), exec -> {
      RowSet rows = exec.select();
      while (rows.hasNext()) {
        Binding b = rows.next();
        if (b.get("p").equals(VERSION)) {
          read[0] = Long.parseLong(b.get("v").getLiteralLexicalForm());
        } else if (b.get("p").equals(StoreMeta.BASE_IRI)) {
          recorded[0] = java.util.Optional.of(b.get("v").getLiteralLexicalForm());
        }
      }
      return null;
    });
    version = read[0];
    base = recorded[0];
    return read[0];
  }

  @Override
  public void close() {
    poller.shutdownNow();
    http.close();
  }
}
