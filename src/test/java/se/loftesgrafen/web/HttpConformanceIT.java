package se.loftesgrafen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.loftesgrafen.testing.RunningService;

/**
 * HTTP as clients other than browsers read it: HEAD on every GET route of the router (walked from the router
 * itself, so a new route is walked too); a 404 before any conditional header for an IRI we never minted; Vary on
 * every negotiated answer, the 406 included; JSON asked, JSON-LD given; the vocabulary as RDF/XML for ontology
 * editors; CORS on the JSON API as everywhere else.
 */
class HttpConformanceIT {
  /**
   * The sample store is read from local files, so no snapshot has an archived copy: the archive routes are walked
   * with a well-formed id that is not there, and HEAD must give GET's 404.
   */
  private static final String UNKNOWN_SNAPSHOT = "000000000000-0000000000000000";
  /**
   * Paths to walk for a route with a parameter or a wildcard (Vert.x gives {@code /id/*} as {@code /id/}); a route
   * with a parameter not here fails the walk.
   */
  private static final Map<String, List<String>> EXAMPLES = Map.ofEntries(
      Map.entry("/api/themes/:id/municipalities", List.of("/api/themes/narkotika/municipalities")),
      Map.entry("/api/themes/:id/map.svg", List.of("/api/themes/narkotika/map.svg")),
      Map.entry("/api/themes/:id/since", List.of("/api/themes/narkotika/since")),
      Map.entry("/api/municipalities/:code/timeline", List.of("/api/municipalities/1492/timeline")),
      Map.entry("/api/municipalities/:code/similar", List.of("/api/municipalities/1492/similar")),
      Map.entry("/api/municipalities/:code/followups", List.of("/api/municipalities/1492/followups",
          "/api/municipalities/1492/followups?format=csv")),
      Map.entry("/api/municipalities/:code/signatories", List.of("/api/municipalities/1492/signatories")),
      Map.entry("/archive/:id", List.of("/archive/" + UNKNOWN_SNAPSHOT)),
      Map.entry("/archive/:id/content", List.of("/archive/" + UNKNOWN_SNAPSHOT + "/content")),
      Map.entry("/dumps/:file", List.of("/dumps/loftesgrafen.nq.gz", "/dumps/commitments.csv", "/dumps/release.json")),
      Map.entry("/id/", List.of("/id/kommun/1492", "/id/tema/narkotika")),
      Map.entry("/graph/", List.of("/graph/vocab")),
      Map.entry("/api/outcomes", List.of("/api/outcomes?theme=narkotika&year=2019",
          "/api/outcomes?theme=narkotika&year=2019&format=csv")),
      Map.entry("/api/outcomes/csv-metadata.json", List.of("/api/outcomes/csv-metadata.json?theme=narkotika&year=2019")),
      Map.entry("/", List.of("/", "/app.js")));
  /** Answers that change from one request to the next (counters, uptime): HEAD gives a length, not GET's last one. */
  private static final java.util.Set<String> LIVE = java.util.Set.of("/metrics", "/health", "/ready",
      "/harvest/status");
  @TempDir
  static Path store;
  static RunningService service;

  @BeforeAll
  static void start() throws Exception {
    service = RunningService.start(store);
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (service.get("/dumps/release.json").statusCode() != 200 && System.nanoTime() < deadline) {
      Thread.sleep(300); // the first release of the dumps is written after start
    }
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void headAnswersEveryGetRouteOfTheRouterAsGetDoesWithoutTheBody() throws Exception {
    List<String> routes = service.service().web().getRoutePaths();
    assertTrue(routes.containsAll(List.of("/", "/health", "/metrics", "/sparql", "/api/themes", "/datasets/dcat",
        "/harvest/status", "/id/", "/graph/")), "the router's GET routes: " + routes);
    List<String> walked = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (String route : routes) {
      List<String> paths = route.contains(":") || EXAMPLES.containsKey(route) ? EXAMPLES.get(route) : List.of(route);
      assertTrue(paths != null, "route " + route + " has a parameter and no example in EXAMPLES: add one");
      for (String path : paths) {
        HttpResponse<String> get = service.get(path);
        assertTrue(get.statusCode() < 400 || path.contains(UNKNOWN_SNAPSHOT) && get.statusCode() == 404,
            path + ": GET " + get.statusCode());
        String head = RawHttp.exchange(service.service().port(), "HEAD " + path + " HTTP/1.1\r\nHost: localhost\r\n"
            + "Connection: close\r\n\r\n");
        String type = get.headers().firstValue("Content-Type").orElse("");
        // the length GET sends, so that a link checker or portal knows the size without the body (RFC 9110 9.3.2)
        long length = service.http().send(java.net.http.HttpRequest.newBuilder(service.uri(path)).build(),
            java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body().length;
        if (get.statusCode() != RawHttp.status(head)
            || !head.toLowerCase(Locale.ROOT).contains("content-type: " + type.toLowerCase(Locale.ROOT))
            || !(LIVE.contains(path) ? head.toLowerCase(Locale.ROOT).matches("(?s).*content-length: \\d+\r\n.*")
                : head.toLowerCase(Locale.ROOT).contains("content-length: " + length + "\r\n"))
            || !head.endsWith("\r\n\r\n")) {
          wrong.add(path + ": GET " + get.statusCode() + " " + type + " " + length + " bytes, HEAD gave\n" + head);
        }
        walked.add(path);
      }
    }
    assertTrue(wrong.isEmpty(), "HEAD is not GET without the body for:\n" + String.join("\n", wrong));
    assertTrue(walked.size() >= 25, "walked " + walked);
  }

  @Test
  void anUnknownIriIs404WhateverConditionTheClientSends() throws Exception {
    for (String[] condition : List.of(new String[] {"If-None-Match", "*"},
        new String[] {"If-Modified-Since", "Fri, 01 Jan 2100 00:00:00 GMT"})) {
      HttpResponse<String> unknown = service.get("/id/kommun/9999", "Accept", "text/turtle", condition[0],
          condition[1]);
      assertEquals(404, unknown.statusCode(), condition[0] + ": " + unknown.body());
      HttpResponse<String> known = service.get("/id/kommun/1492", "Accept", "text/turtle", condition[0],
          condition[1]);
      assertEquals(304, known.statusCode(), condition[0]);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/id/kommun/1492", "/datasets/dcat", "/.well-known/void", "/def", "/api/themes",
      "/sparql?query=ASK%7B%7D"})
  void everyNegotiatedAnswerVariesOnAcceptTheRefusalToo(String path) throws Exception {
    HttpResponse<String> ok = service.get(path);
    assertTrue(ok.headers().firstValue("Vary").orElse("").contains("Accept"), path + ": " + ok.headers());
    HttpResponse<String> refused = service.get(path, "Accept", "image/png");
    if (!path.startsWith("/api/")) { // the JSON API has one type and answers it whatever is asked
      assertEquals(406, refused.statusCode(), path);
    }
    assertTrue(refused.headers().firstValue("Vary").orElse("").contains("Accept"), path + " " + refused.statusCode()
        + ": " + refused.headers());
  }

  @Test
  void jsonAskedIsJsonLdGiven() throws Exception {
    for (String path : List.of("/id/kommun/1492", "/datasets/dcat")) {
      HttpResponse<String> r = service.get(path, "Accept", "application/json");
      assertEquals(200, r.statusCode(), path + ": " + r.body());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"), path);
      assertFalse(service.parseJsonLd(r.body()).isEmpty(), path + ": JSON-LD with triples");
    }
  }

  /** Protégé (OWL API) asks for RDF/XML first; its Accept header as the OWL API sends it. */
  @ParameterizedTest
  @ValueSource(strings = {"application/rdf+xml", "application/rdf+xml, application/xml; q=0.5, text/xml; q=0.3,"
      + " */*; q=0.2"})
  void theVocabularyIsRdfXmlForOntologyEditors(String accept) throws Exception {
    HttpResponse<String> r = service.get("/def", "Accept", accept);
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/rdf+xml"), r.headers()
        .toString());
    Graph xml = GraphFactory.createDefaultGraph();
    RDFParser.fromString(r.body(), Lang.RDFXML).base(service.iri("/def")).parse(xml);
    Graph turtle = GraphFactory.createDefaultGraph();
    RDFParser.fromString(service.get("/def", "Accept", "text/turtle").body(), Lang.TURTLE).base(service.iri("/def"))
        .parse(turtle);
    assertTrue(xml.isIsomorphicWith(turtle), "RDF/XML and Turtle give the same vocabulary");
  }

  @Test
  void theJsonApiAllowsOtherOriginsAsTheRestDoes() throws Exception {
    for (String path : List.of("/api/themes", "/api/search?q=" + URLEncoder.encode("narkotika", StandardCharsets.UTF_8),
        "/id/kommun/1492", "/sparql?query=ASK%7B%7D")) {
      HttpResponse<String> r = service.get(path, "Origin", "https://example.org");
      assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse("(none)"), path);
    }
  }
}
