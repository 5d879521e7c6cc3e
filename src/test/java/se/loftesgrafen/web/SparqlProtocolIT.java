package se.loftesgrafen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.UpdateExecHTTP;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.atlas.web.HttpException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import se.loftesgrafen.graph.sparql.SparqlFormat;
import se.loftesgrafen.testing.RunningService;

/**
 * The SPARQL 1.1 Protocol at /sparql with real clients: Jena's QueryExecHTTP (what RDFConnectionRemote uses) runs
 * SELECT, ASK, CONSTRUCT and DESCRIBE in every format against the service with the bundled sample; updates are
 * refused; a slow query is stopped at a 1 s limit while /health answers. The row limit is RowLimitIT's (with a
 * time limit that a busy machine cannot break).
 */
class SparqlProtocolIT {
  private static final String LG = "PREFIX lg: <https://w3id.org/loftesgrafen/def#>\n";
  private static final String SELECT = LG + "SELECT ?p ?k WHERE { ?p a lg:CitizenPromise ; lg:municipality ?k } ORDER BY ?p ?k";
  @TempDir
  static Path store;
  static RunningService service;

  @BeforeAll
  static void start() throws Exception {
    service = RunningService.start(store, Map.of("LOFTESGRAFEN_SPARQL_TIMEOUT", "1s",
        "LOFTESGRAFEN_SPARQL_MAX_ROWS", "1000"));
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  private static String endpoint() {
    return service.uri("/sparql").toString();
  }

  @ParameterizedTest
  @EnumSource(value = SparqlFormat.class, names = {"JSON", "XML", "CSV", "TSV"})
  void selectInEveryResultFormat(SparqlFormat format) {
    List<String> rows = QueryExecHTTP.service(endpoint()).query(SELECT).acceptHeader(format.mediaType()).build()
        .select().stream().map(b -> b.get("p").toString() + " " + b.get("k")).toList();
    assertTrue(rows.size() >= 3, format + ": " + rows);
    // CSV carries no term types: the client reads strings, so compare the text
    assertTrue(rows.stream().anyMatch(r -> r.contains("id/kommun/1438")), rows.toString());
  }

  @ParameterizedTest
  @EnumSource(value = SparqlFormat.class, names = {"JSON", "XML", "CSV", "TSV"})
  void askInEveryResultFormat(SparqlFormat format) {
    if (format == SparqlFormat.CSV || format == SparqlFormat.TSV) {
      // Jena's client reads no boolean from CSV/TSV (the W3C formats define none); check the bytes instead.
      HttpResponse<String> r = get("/sparql?query=" + enc(LG + "ASK { ?p a lg:CitizenPromise }"), format.mediaType());
      assertEquals(200, r.statusCode());
      assertTrue(r.body().toLowerCase().contains("true"), r.body());
      return;
    }
    assertTrue(QueryExecHTTP.service(endpoint()).query(LG + "ASK { ?p a lg:CitizenPromise }")
        .acceptHeader(format.mediaType()).build().ask());
    assertFalse(QueryExecHTTP.service(endpoint()).query(LG + "ASK { ?p a lg:NoSuchThing }")
        .acceptHeader(format.mediaType()).build().ask());
  }

  @ParameterizedTest
  @EnumSource(value = SparqlFormat.class, names = {"TURTLE", "JSONLD", "NTRIPLES", "RDFXML"})
  void constructAndDescribeInEveryGraphFormat(SparqlFormat format) {
    String construct = LG + "CONSTRUCT { ?p lg:municipality ?k } WHERE { ?p a lg:CitizenPromise ; lg:municipality ?k }";
    Graph g = QueryExecHTTP.service(endpoint()).query(construct).acceptHeader(format.mediaType()).build().construct();
    assertTrue(g.size() >= 3, format + " gave " + g.size());
    Graph d = QueryExecHTTP.service(endpoint()).query("DESCRIBE <" + service.iri("/id/kommun/1492") + ">")
        .acceptHeader(format.mediaType()).build().describe();
    assertTrue(d.size() >= 5, format + " describe gave " + d.size());
    // and the same answer as bytes of the negotiated type, parsed independently
    HttpResponse<String> r = get("/sparql?query=" + enc(construct), format.mediaType());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(format.mediaType()));
    Graph parsed = GraphFactory.createDefaultGraph();
    RDFParser.fromString(r.body(), format.lang()).base(service.iri("/")).parse(parsed);
    assertTrue(parsed.isIsomorphicWith(g));
  }

  @Test
  void formatParameterWinsAndPostFormAndSparqlQueryBodyWork() throws Exception {
    HttpResponse<String> csv = get("/sparql?format=csv&query=" + enc(SELECT), "application/sparql-results+json");
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), csv.headers().toString());
    HttpResponse<String> form = post("application/x-www-form-urlencoded", "query=" + enc(SELECT));
    assertEquals(200, form.statusCode(), form.body());
    HttpResponse<String> direct = post("application/sparql-query", SELECT);
    assertEquals(200, direct.statusCode(), direct.body());
    assertEquals(form.body(), direct.body());
  }

  @Test
  void theProtocolDatasetSelectsOneGraph() {
    String snapshotGraph = QueryExecHTTP.service(endpoint())
        .query(LG + "SELECT ?g { GRAPH ?g { ?p a lg:CitizenPromise ; lg:municipality <" + service.iri("/id/kommun/1438")
            + "> } } LIMIT 1").build().select().next().get("g").getURI();
    RowSet rows = QueryExecHTTP.service(endpoint()).query(LG + "SELECT DISTINCT ?k { ?p lg:municipality ?k }")
        .addDefaultGraphURI(snapshotGraph).build().select();
    List<String> ks = rows.stream().map(b -> b.get("k").getURI()).toList();
    assertEquals(List.of(service.iri("/id/kommun/1438")), ks);
  }

  @Test
  void updatesAreRefused() {
    String update = "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }";
    HttpException e = assertThrows(HttpException.class,
        () -> UpdateExecHTTP.service(endpoint()).update(update).build().execute());
    assertEquals(405, e.getStatusCode());
    assertEquals(405, post("application/x-www-form-urlencoded", "update=" + enc(update)).statusCode());
    HttpResponse<String> asQuery = get("/sparql?query=" + enc(update), "application/sparql-results+json");
    assertEquals(405, asQuery.statusCode(), asQuery.body());
    assertTrue(asQuery.body().contains("read-only"), asQuery.body());
    assertFalse(QueryExecHTTP.service(endpoint()).query("ASK { <urn:x:a> ?p ?o }").build().ask());
  }

  @Test
  void aMalformedQueryIsA400WithLineAndColumn() {
    HttpResponse<String> r = get("/sparql?query=" + enc("SELECT * WHERE {\n  ?s ?p \n}"), "application/sparql-results+json");
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("line 3") && r.body().contains("column"), r.body());
  }

  @Test
  void aSlowQueryIsStoppedAtTheLimitWhileTheServerStaysResponsive() throws Exception {
    String slow = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    long start = System.nanoTime();
    CompletableFuture<HttpResponse<String>> running = service.http().sendAsync(
        HttpRequest.newBuilder(service.uri("/sparql?query=" + enc(slow))).header("Accept", "application/sparql-results+json")
            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    Thread.sleep(300);
    long healthStart = System.nanoTime();
    HttpResponse<String> health = get("/health", "application/json");
    long healthMillis = (System.nanoTime() - healthStart) / 1_000_000;
    assertEquals(200, health.statusCode());
    assertTrue(healthMillis < 500, "health took " + healthMillis + " ms during a slow query");
    HttpResponse<String> r = running.get();
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(503, r.statusCode(), r.body());
    assertTrue(r.body().contains("time limit"), r.body());
    assertTrue(millis < 5000, "stopped after " + millis + " ms");
  }

  @Test
  void repeatedQueriesComeFromTheCache() {
    String q = LG + "SELECT (COUNT(*) AS ?n) { ?c a lg:Commitment }";
    String first = get("/sparql?query=" + enc(q), "application/sparql-results+json").body();
    String second = get("/sparql?query=" + enc(q), "application/sparql-results+json").body();
    assertEquals(first, second);
    String metrics = get("/metrics", "text/plain").body();
    assertTrue(metrics.contains("loftesgrafen_sparql_queries_total{outcome=\"cached\"}"), metrics);
  }

  @Test
  void withoutAQueryItDescribesItselfOrShowsTheQueryPage() {
    HttpResponse<String> sd = get("/sparql", "text/turtle");
    assertEquals(200, sd.statusCode());
    Graph g = GraphFactory.createDefaultGraph();
    RDFParser.fromString(sd.body(), Lang.TURTLE).parse(g);
    assertTrue(sd.body().contains("sparql-service-description#"), sd.body());
    HttpResponse<String> page = get("/sparql", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(page.body().contains("narkotika"), "the page has the narkotika example");
  }

  @Test
  void corsIsAllowed() throws Exception {
    HttpResponse<String> preflight = service.http().send(HttpRequest.newBuilder(service.uri("/sparql"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://example.org")
        .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(preflight.statusCode() < 300, "preflight " + preflight.statusCode());
    assertTrue(preflight.headers().firstValue("Access-Control-Allow-Origin").isPresent(), preflight.headers().toString());
    HttpResponse<String> r = service.http().send(HttpRequest.newBuilder(URI.create(endpoint() + "?query=" + enc(SELECT)))
        .header("Origin", "https://example.org").build(), HttpResponse.BodyHandlers.ofString());
    assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
  }

  @Test
  void severalQueriesOrAQueryInUrlAndBodyAreA400WithTheReason() {
    String two = "/sparql?query=" + enc("ASK {}") + "&query=" + enc("SELECT * {}");
    HttpResponse<String> get = get(two, "application/sparql-results+json");
    assertEquals(400, get.statusCode(), get.body());
    assertTrue(get.body().contains("2 query parameters"), get.body());
    HttpResponse<String> form = post("application/x-www-form-urlencoded", "query=" + enc("ASK {}") + "&query="
        + enc("SELECT * {}"));
    assertEquals(400, form.statusCode(), form.body());
    assertTrue(form.body().contains("2 query parameters"), form.body());
    for (String type : List.of("application/sparql-query", "application/x-www-form-urlencoded")) {
      String body = type.endsWith("sparql-query") ? "SELECT * {}" : "query=" + enc("SELECT * {}");
      HttpResponse<String> both = send(HttpRequest.newBuilder(service.uri("/sparql?query=" + enc("ASK {}")))
          .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)));
      assertEquals(400, both.statusCode(), type + ": " + both.body());
      assertTrue(both.body().contains("both in the URL and in the body"), both.body());
    }
  }

  @Test
  void every405NamesTheAllowedMethods() {
    HttpResponse<String> put = send(HttpRequest.newBuilder(service.uri("/sparql"))
        .PUT(HttpRequest.BodyPublishers.ofString("x")));
    HttpResponse<String> update = post("application/sparql-update", "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }");
    HttpResponse<String> updateForm = post("application/x-www-form-urlencoded", "update=" + enc("CLEAR ALL"));
    HttpResponse<String> updateAsQuery = get("/sparql?query=" + enc("CLEAR ALL"), "application/sparql-results+json");
    for (HttpResponse<String> r : List.of(put, update, updateForm, updateAsQuery)) {
      assertEquals(405, r.statusCode(), r.body());
      assertEquals("GET, HEAD, POST, OPTIONS", r.headers().firstValue("Allow").orElse("(none)"), r.request().toString());
    }
  }

  @Test
  void headAnswersAsGetWithoutABody() throws Exception {
    String path = "/sparql?query=" + enc(SELECT);
    HttpResponse<String> get = get(path, "text/csv");
    String head = RawHttp.exchange(service.service().port(), "HEAD " + path + " HTTP/1.1\r\nHost: localhost\r\n"
        + "Accept: text/csv\r\nConnection: close\r\n\r\n");
    assertEquals(200, RawHttp.status(head), head);
    assertTrue(head.toLowerCase().contains("content-type: " + get.headers().firstValue("Content-Type").orElseThrow()),
        head);
    assertTrue(head.endsWith("\r\n\r\n"), "no body after the headers: " + head);
  }

  @Test
  void theServiceDescriptionClaimsNoDereferencing() {
    HttpResponse<String> sd = get("/sparql", "application/n-triples");
    assertEquals(200, sd.statusCode());
    assertTrue(sd.body().contains("UnionDefaultGraph"), sd.body());
    assertFalse(sd.body().contains("DereferencesURIs"), sd.body());
  }

  /** SPARQLWrapper's defaults: format=xml (also rdf+xml, n3) with an Accept for RDF/XML or Turtle. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"xml, RDFXML", "rdf+xml, RDFXML", "n3, TURTLE"})
  void graphQueriesTakeTheFormatNamesOfSparqlWrapper(String name, SparqlFormat expected) {
    String accept = "application/rdf+xml,application/xml;q=0.9,text/turtle;q=0.8";
    String construct = LG + "CONSTRUCT { ?p lg:municipality ?k } WHERE { ?p a lg:CitizenPromise ; lg:municipality ?k }";
    Graph expectedGraph = QueryExecHTTP.service(endpoint()).query(construct).build().construct();
    for (String query : List.of(construct, "DESCRIBE <" + service.iri("/id/kommun/1492") + ">")) {
      HttpResponse<String> r = get("/sparql?format=" + enc(name) + "&query=" + enc(query), accept);
      assertEquals(200, r.statusCode(), name + ": " + r.body());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(expected.mediaType()),
          r.headers().toString());
      Graph parsed = GraphFactory.createDefaultGraph();
      RDFParser.fromString(r.body(), expected.lang()).base(service.iri("/")).parse(parsed);
      assertTrue(parsed.size() >= 3, r.body());
      if (query.equals(construct)) {
        assertTrue(parsed.isIsomorphicWith(expectedGraph), r.body());
      }
    }
    HttpResponse<String> select = get("/sparql?format=xml&query=" + enc(SELECT), "*/*");
    assertTrue(select.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+xml"));
  }

  @Test
  void csvWritesBlankNodesAsTurtleLabels() {
    HttpResponse<String> r = get("/sparql?query=" + enc("SELECT ?b ?c ?t { BIND(BNODE() AS ?b) BIND(?b AS ?c)"
        + " BIND(\"a, \\\"b\\\"\" AS ?t) }"), "text/csv");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("b,c,t\r\n_:b0,_:b0,\"a, \"\"b\"\"\"\r\n", r.body());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static HttpResponse<String> get(String path, String accept) {
    try {
      return service.get(path, "Accept", accept);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A relative IRI resolves against Fuseki's fixed base, never against the server's working folder. */
  @Test
  void aRelativeIriGetsTheFixedUnsetBaseNeverAFileIri() {
    HttpResponse<String> r = get("/sparql?query=" + enc("CONSTRUCT { <s> <p> 1 } WHERE {}"), "application/n-triples");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("<http://server/unset-base/s> <http://server/unset-base/p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .",
        r.body().strip());
    HttpResponse<String> select = get("/sparql?query=" + enc("SELECT (<x> AS ?x) (STR(<y>) AS ?y) {}"), "text/csv");
    assertTrue(select.body().contains("http://server/unset-base/x") && !select.body().contains("file:"),
        select.body());
  }

  @Test
  void aPlainOptionsIsAnsweredWithWhatTheEndpointAllows() {
    HttpResponse<String> r = send(HttpRequest.newBuilder(service.uri("/sparql"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertEquals(204, r.statusCode(), r.body());
    assertEquals("GET, HEAD, POST, OPTIONS", r.headers().firstValue("Allow").orElse(""), r.headers().toString());
    HttpResponse<String> put = send(HttpRequest.newBuilder(service.uri("/sparql"))
        .method("PUT", HttpRequest.BodyPublishers.ofString("x")));
    assertEquals(405, put.statusCode(), "other methods stay refused");
  }

  static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return service.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<String> post(String contentType, String body) {
    try {
      return service.http().send(HttpRequest.newBuilder(service.uri("/sparql")).header("Content-Type", contentType)
          .header("Accept", "application/sparql-results+json").POST(HttpRequest.BodyPublishers.ofString(body))
          .build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

}
