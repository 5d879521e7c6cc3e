package se.loftesgrafen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.loftesgrafen.testing.RunningService;

/**
 * The public endpoint against hostile queries, over loopback: SERVICE to a server the test runs (the "internal"
 * address a client must not reach through us) is refused in every position and form, and the server never sees a
 * request, unless the allow-list names the endpoint; a catastrophically backtracking REGEX or REPLACE stops at the
 * time limit; query text over the size limit is 414/413 in every protocol form; hostile text that fails to parse is
 * answered in linear time. /health answers within 1 s throughout.
 */
class SparqlAbuseIT {
  private static final String RESULT = "{\"head\":{\"vars\":[\"x\"]},\"results\":{\"bindings\":["
      + "{\"x\":{\"type\":\"literal\",\"value\":\"from-the-allowed-endpoint\"}}]}}";
  @TempDir
  static Path store;
  static RunningService service;
  static HttpServer internal;
  static final AtomicInteger internalHits = new AtomicInteger();
  static final AtomicInteger allowedHits = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    internal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    internal.createContext("/internal", exchange -> {
      internalHits.incrementAndGet();
      byte[] body = RESULT.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/sparql-results+json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    internal.createContext("/allowed", exchange -> {
      allowedHits.incrementAndGet();
      exchange.getRequestBody().readAllBytes();
      byte[] body = RESULT.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/sparql-results+json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    internal.start();
    service = RunningService.start(store, Map.of("LOFTESGRAFEN_SPARQL_TIMEOUT", "1s",
        "LOFTESGRAFEN_SPARQL_MAX_QUERY_SIZE", "96KB",
        "LOFTESGRAFEN_SPARQL_SERVICE_ALLOW_LIST", "http://127.0.0.1:" + internal.getAddress().getPort() + "/allowed"));
  }

  @AfterAll
  static void stop() {
    service.close();
    internal.stop(0);
  }

  @AfterEach
  void healthStillAnswersWithinOneSecond() throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> health = service.get("/health");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(200, health.statusCode(), health.body());
    assertTrue(millis < 1000, "/health took " + millis + " ms");
  }

  private static String internalUrl(String host) {
    return "http://" + host + ":" + internal.getAddress().getPort() + "/internal?token=x";
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT * { SERVICE <%s> { ?s ?p ?o } }",
      "SELECT * { SERVICE SILENT <%s> { ?s ?p ?o } }",
      "SELECT * { BIND(<%s> AS ?e) SERVICE ?e { ?s ?p ?o } }",
      "SELECT * { VALUES ?e { <%s> } SERVICE SILENT ?e { ?s ?p ?o } }",
      "SELECT * { ?a ?b ?c OPTIONAL { SERVICE <%s> { ?s ?p ?o } } } LIMIT 1",
      "SELECT * { { SELECT ?s { SERVICE <%s> { ?s ?p ?o } } } }",
      "SELECT * { ?a ?b ?c FILTER EXISTS { SERVICE <%s> { ?s ?p ?o } } } LIMIT 1",
      "SELECT * { ?a ?b ?c FILTER NOT EXISTS { SERVICE SILENT <%s> { ?s ?p ?o } } } LIMIT 1",
      "SELECT * { { ?a ?b ?c } UNION { GRAPH ?g { SERVICE <%s> { ?s ?p ?o } } } } LIMIT 1",
      "SELECT * { ?a ?b ?c MINUS { SERVICE <%s> { ?a ?p ?o } } } LIMIT 1",
      "ASK { SERVICE <%s> { ?s ?p ?o } }",
      "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <%s> { ?s ?p ?o } }",
      "SELECT * { ?a ?b ?c BIND(EXISTS { SERVICE <%s> { ?s ?p ?o } } AS ?x) } LIMIT 1",
  })
  void serviceIsRefusedWithTheReasonAndNoConnectionIsMade(String template) throws Exception {
    for (String host : new String[] {"127.0.0.1", "localhost"}) {
      int before = internalHits.get();
      HttpResponse<String> r = service.sparql(template.formatted(internalUrl(host)), "application/sparql-results+json");
      assertEquals(400, r.statusCode(), r.body());
      assertTrue(r.body().contains("SERVICE") && r.body().contains("not allowed"), r.body());
      assertEquals(before, internalHits.get(), "the internal server was called");
    }
  }

  @Test
  void anEndpointOnTheAllowListIsQueried() throws Exception {
    String allowed = "http://127.0.0.1:" + internal.getAddress().getPort() + "/allowed";
    HttpResponse<String> r = service.sparql("SELECT ?x { SERVICE <" + allowed + "> { ?x ?p ?o } }",
        "application/sparql-results+json");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.body().contains("from-the-allowed-endpoint"), r.body());
    assertTrue(allowedHits.get() >= 1);
    // the allow-list names an endpoint exactly: another path on the same server is still refused
    HttpResponse<String> other = service.sparql("SELECT ?x { SERVICE <" + allowed + "/../internal> { ?x ?p ?o } }",
        "application/sparql-results+json");
    assertEquals(400, other.statusCode(), other.body());
  }

  @Test
  void aGreedyClientGets429WithRetryAfterWhileAnotherClientIsAnswered() throws Exception {
    java.net.http.HttpClient greedy = se.loftesgrafen.testing.LoopbackClients.client(100);
    String base = "http://127.0.0.1:" + service.service().port();
    // each runs to the 1 s time limit: a quarter of the 16 query threads (4) run, the rest are refused at once
    java.net.URI slow = java.net.URI.create(base + "/sparql?query=" + enc("SELECT * { BIND(\"" + "a".repeat(30)
        + "\" AS ?x) FILTER(REGEX(?x, \"^(.*a){31}$\")) }"));
    List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> sent = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      sent.add(greedy.sendAsync(java.net.http.HttpRequest.newBuilder(slow).header("Accept",
          "application/sparql-results+json").build(), HttpResponse.BodyHandlers.ofString()));
    }
    HttpResponse<String> other = se.loftesgrafen.testing.LoopbackClients.client(101).send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/sparql?query=" + enc("ASK {}")))
            .header("Accept", "application/sparql-results+json").build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, other.statusCode(), other.body());
    int refused = 0;
    for (var f : sent) {
      HttpResponse<String> r = f.get(30, java.util.concurrent.TimeUnit.SECONDS);
      assertTrue(r.statusCode() == 429 || r.statusCode() == 503, r.statusCode() + " " + r.body());
      if (r.statusCode() == 429) {
        refused++;
        assertTrue(r.headers().firstValue("Retry-After").isPresent() && r.body().contains("too many queries"),
            r.headers() + " " + r.body());
      }
    }
    assertTrue(refused >= 6, refused + " of 10 refused with 4 allowed at once");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT (<java:org.apache.jena.sparql.function.library.FN_StrLength>(\"abc\") AS ?n) { }",
      "SELECT * { ?s <java:org.apache.jena.sparql.pfunction.library.splitIRI> (?a ?b) }",
      "PREFIX apf: <http://jena.apache.org/ARQ/property#> SELECT * { ?s apf:strSplit (\"a b\" \" \") }",
  })
  void javaFunctionsAndUnlistedPropertyFunctionsAre400(String query) throws Exception {
    HttpResponse<String> r = service.sparql(query, "application/sparql-results+json");
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(r.body().contains("function library"), r.body());
  }

  @Test
  void theServiceDescriptionListsTheFunctionLibrary() throws Exception {
    HttpResponse<String> r = service.get("/sparql", "Accept", "text/turtle");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.body().contains("extensionFunction") && r.body().contains("string-length")
        && !r.body().contains("java:"), r.body());
    HttpResponse<String> listed = service.sparql("PREFIX fn: <http://www.w3.org/2005/xpath-functions#> "
        + "SELECT (fn:string-length(\"Åmål\") AS ?n) { }", "text/csv");
    assertEquals("n\r\n4", listed.body().strip());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT * { BIND(\"%s\" AS ?x) FILTER(REGEX(?x, \"^(.*a){31}$\")) }",
      "SELECT (REPLACE(\"%s\", \"^(.*a){31}$\", \"b\") AS ?y) { }",
      "SELECT * { { SELECT ?x { BIND(\"%s\" AS ?x) FILTER(REGEX(?x, \"^(.*a){31}$\", \"i\")) } } }",
      "ASK { BIND(\"%s\" AS ?x) FILTER NOT EXISTS { FILTER(REGEX(?x, \"^(.*a){31}$\")) } }",
  })
  void catastrophicRegexStopsAtTheTimeLimit(String template) throws Exception {
    String query = template.formatted("a".repeat(30));
    long start = System.nanoTime();
    HttpResponse<String> r = service.sparql(query, "application/sparql-results+json");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(503, r.statusCode(), r.body());
    assertTrue(r.body().contains("time limit"), r.body());
    assertTrue(millis < 5000, "answered after " + millis + " ms with a 1 s limit");
  }

  @Test
  void ordinaryRegexAndReplaceStillWork() throws Exception {
    HttpResponse<String> r = service.sparql("SELECT ?y { BIND(\"Åmål kommun\"@sv AS ?x) "
        + "FILTER(REGEX(?x, \"^åmål\", \"i\")) BIND(REPLACE(?x, \"(\\\\w+) kommun\", \"$1s kommun\") AS ?y) }",
        "text/csv");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.body().contains("Åmåls kommun"), r.body());
    HttpResponse<String> none = service.sparql("SELECT ?x { BIND(\"abc\" AS ?x) FILTER(REGEX(?x, \"^b\")) }",
        "text/csv");
    assertEquals("x", none.body().strip());
  }

  @Test
  void queryTextOverTheLimitIs414Or413InEveryForm() throws Exception {
    String big = "SELECT * { ?s ?p ?o } #" + "x".repeat(100 * 1024);
    HttpResponse<String> get = service.get("/sparql?query=" + enc(big), "Accept", "application/sparql-results+json");
    assertEquals(414, get.statusCode(), get.body());
    assertTrue(get.body().contains("sparqlMaxQuerySize"), get.body());
    HttpResponse<String> form = post("application/x-www-form-urlencoded", "query=" + enc(big));
    assertEquals(413, form.statusCode(), form.body());
    assertTrue(form.body().contains("sparqlMaxQuerySize"), form.body());
    HttpResponse<String> direct = post("application/sparql-query", big);
    assertEquals(413, direct.statusCode(), direct.body());
    HttpResponse<String> huge = post("application/sparql-query", big.repeat(10));
    assertEquals(413, huge.statusCode(), huge.body());
    assertTrue(huge.body().contains("sparqlMaxQuerySize"), huge.body());
  }

  @Test
  void aFormQueryOverVertxsDefaultFieldSizeIsAnswered() throws Exception {
    // Vert.x limits a form field to 8 KB by default; a 40 KB query (under our limit) is a query, not a 500
    String q = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o } #" + "x".repeat(40 * 1024);
    HttpResponse<String> r = post("application/x-www-form-urlencoded", "query=" + enc(q));
    assertEquals(200, r.statusCode(), r.body());
  }

  @ParameterizedTest
  @ValueSource(strings = {"<", "PREFIX a: <", "# \n", "{"})
  void unparseableTextIsRefusedQuickly(String unit) throws Exception {
    String text = unit.repeat(90 * 1024 / unit.length());
    long start = System.nanoTime();
    HttpResponse<String> r = post("application/sparql-query", text);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(400, r.statusCode(), r.body().substring(0, Math.min(300, r.body().length())));
    assertTrue(millis < 3000, "took " + millis + " ms");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> post(String contentType, String body) throws IOException, InterruptedException {
    return service.http().send(HttpRequest.newBuilder(service.uri("/sparql")).timeout(Duration.ofSeconds(30))
        .header("Content-Type", contentType).header("Accept", "application/sparql-results+json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
