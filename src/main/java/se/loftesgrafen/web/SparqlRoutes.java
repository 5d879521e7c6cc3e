package se.loftesgrafen.web;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryParseException;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.sparql.QueryCache;
import se.loftesgrafen.graph.sparql.QueryPolicy;
import se.loftesgrafen.graph.sparql.SparqlExecutor;
import se.loftesgrafen.graph.sparql.SparqlFormat;

/**
 * {@code /sparql}: the SPARQL 1.1 Protocol (https://www.w3.org/TR/sparql11-protocol/), read-only. Queries by GET,
 * by POST as a form or as {@code application/sparql-query}; the dataset by {@code default-graph-uri} and
 * {@code named-graph-uri}; the answer format by {@code Accept} or {@code format=}. Queries run on the worker pool
 * with the time and size limits of the configuration; identical queries on unchanged data come from the cache.
 * Without a query it describes itself (SPARQL 1.1 Service Description) or, for a browser, shows a query page.
 */
final class SparqlRoutes {
  /** Answers up to this size are kept whole (and cached); bigger ones stream. */
  private static final int KEEP_BYTES = 1 << 20;
  private static final String QUERY_SECONDS = "loftesgrafen_sparql_query_seconds";
  private static final String QUERIES = "loftesgrafen_sparql_queries_total";
  private static final String ALLOW = "GET, HEAD, POST, OPTIONS";

  private final SparqlExecutor executor;
  private final QueryCache cache;
  private final PromiseStore store;
  private final BlockingWork blocking;
  private final Metrics metrics;
  private final ServicePages pages;
  private final AppConfig.EndpointLimits limits;
  /**
   * A quarter of the query threads per client (at least 2): a client with many slow queries at once gets 429 for
   * the rest instead of taking every thread from the others (issue 25's abuse run: 31 regex clients beside 32).
   */
  private final ClientLimits.Concurrency perClient;

  SparqlRoutes(SparqlExecutor executor, QueryCache cache, PromiseStore store, BlockingWork blocking, Metrics metrics,
               ServicePages pages, AppConfig.EndpointLimits limits) {
    this.limits = limits;
    this.executor = executor;
    this.cache = cache;
    this.store = store;
    this.blocking = blocking;
    this.metrics = metrics;
    this.pages = pages;
    this.perClient = new ClientLimits.Concurrency(Math.max(2, limits.queryThreads() / 4));
  }

  void mount(Router router) {
    router.route("/sparql").handler(CorsHandler.create().allowedMethod(HttpMethod.GET).allowedMethod(HttpMethod.POST)
        .allowedHeader("Content-Type").allowedHeader("Accept").exposedHeader("X-Request-Id"));
    // A form carries the query percent-encoded (up to three bytes for one); the decoded text is checked in request().
    router.post("/sparql").handler(BodyHandler.create().setBodyLimit(bodyLimit(limits)));
    // HEAD answers as GET does, without the body (WebServer adds HEAD to every GET route).
    router.get("/sparql").handler(this::handle);
    router.post("/sparql").handler(this::handle);
    // A plain OPTIONS (no CORS preflight, which the CorsHandler above answers) asks what the endpoint allows
    // (RFC 9110 9.3.7): 204 with Allow, as the 405 for other methods names it.
    router.options("/sparql").handler(ctx -> ctx.response().setStatusCode(204).putHeader("Allow", ALLOW).end());
    router.route("/sparql").handler(ctx -> ctx.fail(HttpError.methodNotAllowed(ALLOW,
        "method " + ctx.request().method() + " is not allowed on /sparql: use GET or POST (SPARQL 1.1 Protocol)")));
  }

  /** The largest request body: a form with the longest query, percent-encoded, and its other parameters. */
  static long bodyLimit(AppConfig.EndpointLimits limits) {
    return limits.maxQueryBytes() * 3 + 8192;
  }

  /** What the request asks: the query text and the protocol's dataset. */
  private record Request(String text, List<String> defaultGraphs, List<String> namedGraphs) {
    String cacheKey() {
      return text + '\u0000' + defaultGraphs + '\u0000' + namedGraphs;
    }
  }

  private void handle(RoutingContext ctx) {
    Optional<Request> request = request(ctx);
    if (request.isEmpty()) {
      pages.describeEndpoint(ctx);
      return;
    }
    long start = System.nanoTime();
    String accept = ctx.request().getHeader("Accept");
    String format = ctx.request().getParam("format");
    QueryCache.Key key = new QueryCache.Key(store.version(), request.get().cacheKey(), format + '\u0000' + accept);
    Optional<QueryCache.Answer> hit = cache.get(key); // a map lookup: fine on the event loop
    if (hit.isPresent()) {
      record(start, "cached");
      ctx.response().putHeader("Content-Type", hit.get().contentType()).putHeader("Vary", "Accept")
          .putHeader("Cache-Control", "public, max-age=60")
          .end(ContentLength.of(ctx.response(), Buffer.buffer(hit.get().body())));
      return;
    }
    String client = ClientLimits.client(ctx);
    if (!perClient.tryAcquire(client)) {
      record(start, "too_many");
      int wait = (int) Math.max(1, Math.min(10, executor.timeout().toSeconds()));
      ctx.fail(HttpError.tooManyRequests(wait, "too many queries at once from " + client + ": "
          + perClient.perClient() + " may run at a time per client (a quarter of service.queryThreads); send the"
          + " next when one has ended"));
      return;
    }
    blocking.run(() -> answer(request.get(), key, accept, format))
        .andThen(ar -> perClient.release(client))
        .onSuccess(answer -> {
          record(start, "ok");
          send(ctx, answer);
        })
        .onFailure(e -> {
          record(start, outcome(e));
          ctx.fail(e);
        });
  }

  /** A complete answer: in memory, or in a spooled file that is deleted once sent. */
  private record Answer(SparqlFormat format, SpooledAnswer body) {
  }

  /**
   * On a worker: parse, negotiate, run the query to its end into a spool. Nothing is sent before the query is
   * done, so the row limit and the time limit are a 400 or 503 with the reason, never a body cut off mid-document.
   */
  private Answer answer(Request request, QueryCache.Key key, String accept, String formatParam) throws Exception {
    Query query;
    try {
      query = executor.parse(request.text(), request.defaultGraphs(), request.namedGraphs());
    } catch (QueryParseException e) {
      if (UpdateDetector.looksLikeUpdate(request.text())) {
        throw readOnly();
      }
      throw new HttpError(400, "malformed query: " + e.getMessage());
    } catch (QueryPolicy.RefusedQueryException e) {
      throw new HttpError(400, "query refused: " + e.getMessage());
    }
    SparqlFormat format = format(query, accept, formatParam);
    SpooledAnswer out = new SpooledAnswer(KEEP_BYTES);
    try {
      executor.execute(query, format, out);
      out.close();
    } catch (QueryCancelledException e) {
      out.discard();
      throw new HttpError(503, "query stopped: it ran longer than the time limit of "
          + executor.timeout().toMillis() / 1000.0 + " s (service.sparqlTimeout); narrow it down or use the dumps");
    } catch (SparqlExecutor.ResultTooLargeException e) {
      out.discard();
      throw new HttpError(400, e.getMessage());
    } catch (Exception | Error e) {
      out.discard();
      throw e;
    }
    out.inMemory().ifPresent(body -> cache.put(key, format.contentType(), body));
    return new Answer(format, out);
  }

  /** On the event loop: the answer from memory, or the spooled file (Vert.x sends it without a worker). */
  private void send(RoutingContext ctx, Answer answer) {
    var response = head(ctx, answer.format());
    java.util.Optional<byte[]> bytes = answer.body().inMemory();
    if (bytes.isPresent()) {
      response.end(ContentLength.of(response, Buffer.buffer(bytes.get())));
      return;
    }
    answer.body().send(ctx.vertx(), ctx.request(), ctx.request().method() == HttpMethod.HEAD,
        limits.writeTimeout().toMillis());
  }

  private io.vertx.core.http.HttpServerResponse head(RoutingContext ctx, SparqlFormat format) {
    return ctx.response().setStatusCode(200).putHeader("Content-Type", format.contentType())
        .putHeader("Vary", "Accept").putHeader("Cache-Control", "public, max-age=60");
  }

  /** The query of the request, or empty when it has none; fails for updates and unknown body types. */
  private Optional<Request> request(RoutingContext ctx) {
    MultiMap params = ctx.request().params();
    if (params.contains("update")) {
      throw readOnly();
    }
    List<String> inUrl = ctx.queryParams().getAll("query");
    List<String> inBody = List.of();
    if (ctx.request().method() == HttpMethod.POST) {
      String header = Optional.ofNullable(ctx.request().getHeader("Content-Type")).orElse("");
      String type = header.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
      switch (type) {
        case "application/sparql-update" -> throw readOnly();
        case "application/sparql-query" -> {
          checkCharset(header);
          inBody = List.of(ctx.body().asString("UTF-8"));
        }
        case "application/x-www-form-urlencoded", "multipart/form-data" ->
            inBody = ctx.request().formAttributes().getAll("query");
        default -> throw new HttpError(415, "unsupported Content-Type '" + type + "': POST a query as "
            + "application/x-www-form-urlencoded (query=...) or as application/sparql-query");
      }
    }
    String text = onlyQuery(inUrl, inBody).orElse("");
    if (text.isBlank()) {
      return Optional.empty();
    }
    int bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    if (bytes > limits.maxQueryBytes()) {
      boolean get = ctx.request().method() != HttpMethod.POST;
      throw new HttpError(get ? 414 : 413, "the query has " + bytes + " bytes; this endpoint accepts up to "
          + limits.maxQueryBytes() + " (service.sparqlMaxQuerySize)");
    }
    return Optional.of(new Request(text, params.getAll("default-graph-uri"), params.getAll("named-graph-uri")));
  }

  /**
   * A body in another encoding than UTF-8 is refused, not read as garbage: the protocol (sections 2.1.2, 2.1.3)
   * sends queries as UTF-8.
   */
  private static void checkCharset(String contentType) {
    java.util.regex.Matcher charset = java.util.regex.Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]+)")
        .matcher(contentType);
    if (charset.find() && !charset.group(1).equalsIgnoreCase("utf-8") && !charset.group(1).equalsIgnoreCase("utf8")) {
      throw new HttpError(415, "the body is " + charset.group(1) + ": send the query as UTF-8"
          + " (SPARQL 1.1 Protocol, 2.1.2 and 2.1.3)");
    }
  }

  /**
   * The one query of the request. The protocol (section 2.1) allows exactly one: several query parameters, or a
   * query both in the URL and in the body, are ambiguous and refused (as Fuseki does) rather than one picked.
   */
  private static Optional<String> onlyQuery(List<String> inUrl, List<String> inBody) {
    if (!inUrl.isEmpty() && !inBody.isEmpty()) {
      throw new HttpError(400, "the request has a query both in the URL and in the body: send it in one place"
          + " (SPARQL 1.1 Protocol, section 2.1)");
    }
    List<String> queries = inUrl.isEmpty() ? inBody : inUrl;
    if (queries.size() > 1) {
      throw new HttpError(400, "the request has " + queries.size() + " query parameters: send exactly one"
          + " (SPARQL 1.1 Protocol, section 2.1)");
    }
    return queries.stream().findFirst();
  }

  private static HttpError readOnly() {
    return HttpError.methodNotAllowed(ALLOW, "SPARQL Update is not allowed: this endpoint is read-only (the graph changes only by"
        + " harvesting)");
  }

  /** The format= parameter wins over Accept; it must suit the query type. */
  static SparqlFormat format(Query query, String accept, String formatParam) {
    boolean graph = query.isConstructType() || query.isDescribeType();
    List<SparqlFormat> offers = graph ? SparqlFormat.graphs() : SparqlFormat.results();
    if (formatParam != null && !formatParam.isBlank()) {
      return SparqlFormat.byName(formatParam, offers).orElseThrow(() -> new HttpError(400,
          "format '" + formatParam + "' does not suit a " + (graph ? "graph" : "result set") + "; use one of "
              + offers.stream().map(SparqlFormat::shortName).toList()));
    }
    List<String> types = new java.util.ArrayList<>(offers.stream().map(SparqlFormat::mediaType).toList());
    types.addAll(graph ? List.of("text/plain", "application/xml") : List.of("application/json", "application/xml"));
    String chosen = Conneg.choose(accept, types).orElseThrow(() -> new HttpError(406, "cannot answer this query"
        + " in any type of Accept: " + accept + "; available: " + offers.stream().map(SparqlFormat::mediaType).toList()));
    return switch (chosen) {
      case "text/plain" -> SparqlFormat.NTRIPLES;
      case "application/xml" -> graph ? SparqlFormat.RDFXML : SparqlFormat.XML;
      case "application/json" -> SparqlFormat.JSON;
      default -> SparqlFormat.byName(chosen).orElseThrow();
    };
  }

  private void record(long start, String outcome) {
    metrics.observe(QUERY_SECONDS, "Time to answer a SPARQL query, by whether the cache answered it",
        Map.of("cache", "cached".equals(outcome) ? "hit" : "miss"), (System.nanoTime() - start) / 1e9);
    metrics.increment(QUERIES, "SPARQL queries by outcome", Map.of("outcome", outcome));
  }

  private static String outcome(Throwable e) {
    if (e instanceof HttpError h) {
      return switch (h.status()) {
        case 503 -> "timeout";
        case 405 -> "update_refused";
        default -> "client_error";
      };
    }
    return "error";
  }
}
