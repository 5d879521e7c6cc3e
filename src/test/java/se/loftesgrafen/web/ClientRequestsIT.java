package se.loftesgrafen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.loftesgrafen.testing.RunningService;

/**
 * What common clients send, unmodified. Jena's RIOT reads each RDF dump straight from its URL (the N-Quads
 * gzip-coded by Content-Encoding). SPARQLWrapper (python) cannot be installed here, so its requests are reproduced
 * byte for byte as SPARQLWrapper 2.0.0 builds them (Wrapper.py, not run here): GET with {@code query=} and the
 * return format repeated in {@code format=}, {@code output=} and {@code results=} (its defaults, onlyConneg off),
 * the Accept header of that format for the query type, and its User-Agent. Its default return format is XML.
 */
class ClientRequestsIT {
  private static final String USER_AGENT = "sparqlwrapper 2.0.0 (rdflib.github.io/sparqlwrapper)";
  private static final String LG = "PREFIX lg: <https://w3id.org/loftesgrafen/def#>\n";
  private static final String CONSTRUCT = LG
      + "CONSTRUCT { ?p lg:municipality ?k } WHERE { ?p a lg:CitizenPromise ; lg:municipality ?k }";
  @TempDir
  static Path store;
  static RunningService service;

  @BeforeAll
  static void start() throws Exception {
    service = RunningService.start(store);
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (service.get("/dumps/release.json").statusCode() != 200 && System.nanoTime() < deadline) {
      Thread.sleep(300);
    }
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void riotReadsEachRdfDumpFromItsUrl() {
    // the N-Quads URL (gzip-coded on the wire as riot accepts it); the .nq.gz is a file to save, riot reads it saved
    DatasetGraph nquads = DatasetGraphFactory.create();
    RDFParser.source(service.uri("/dumps/loftesgrafen.nq").toString()).parse(nquads);
    DatasetGraph jsonld = DatasetGraphFactory.create();
    RDFParser.source(service.uri("/dumps/loftesgrafen.jsonld").toString()).parse(jsonld);
    assertTrue(nquads.stream().count() > 1000, "N-Quads: " + nquads.stream().count());
    Dataset a = org.apache.jena.query.DatasetFactory.wrap(nquads);
    Dataset b = org.apache.jena.query.DatasetFactory.wrap(jsonld);
    assertEquals(nquads.stream().count(), jsonld.stream().count(), "the two dumps hold the same quads");
    assertTrue(org.apache.jena.sparql.util.IsoMatcher.isomorphic(a.asDatasetGraph(), b.asDatasetGraph()),
        "N-Quads and JSON-LD dumps are the same dataset");
    // the same data the endpoint holds
    long served = Long.parseLong(QueryExecHTTP.service(service.uri("/sparql").toString())
        .query("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }").build().select().next().get("n")
        .getLiteralLexicalForm());
    assertEquals(served, nquads.stream().count());
    RDFDataMgr.loadDataset(service.uri("/dumps/loftesgrafen.nq").toString()); // riot's own entry point too
  }

  /** SPARQLWrapper's defaults (return format XML) for a graph query: RDF/XML. */
  @Test
  void sparqlWrapperDefaultsGetRdfXmlForConstructAndDescribe() throws Exception {
    Graph expected = QueryExecHTTP.service(service.uri("/sparql").toString()).query(CONSTRUCT).build().construct();
    for (String query : new String[] {CONSTRUCT, "DESCRIBE <" + service.iri("/id/kommun/1492") + ">"}) {
      HttpResponse<String> r = sparqlWrapper(query, "xml", "application/rdf+xml");
      assertEquals(200, r.statusCode(), r.body());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/rdf+xml"),
          r.headers().toString());
      Graph g = GraphFactory.createDefaultGraph();
      RDFParser.fromString(r.body(), Lang.RDFXML).parse(g);
      assertTrue(g.size() >= 3, r.body());
      if (query.equals(CONSTRUCT)) {
        assertTrue(g.isIsomorphicWith(expected));
      }
    }
  }

  /**
   * The real SPARQLWrapper (Debian's python3-sparqlwrapper, which .ci/run installs) with its defaults: CONSTRUCT and
   * DESCRIBE come back as RDF/XML it parses into rdflib graphs, SELECT and ASK as XML results. Skipped with the
   * install hint where it is missing, except in CI (LOFTESGRAFEN_CLIENT_TESTS=required).
   */
  @Test
  void theRealSparqlWrapperWithItsDefaults() throws Exception {
    java.util.Optional<String> python = pythonWith("SPARQLWrapper");
    if (python.isEmpty()) {
      String hint = "SPARQLWrapper is not installed: apt-get install python3-sparqlwrapper";
      assertTrue(!"required".equals(System.getenv("LOFTESGRAFEN_CLIENT_TESTS")), hint);
      org.junit.jupiter.api.Assumptions.assumeTrue(false, hint);
    }
    Path script = Path.of("src/test/resources/clients/sparqlwrapper_defaults.py");
    Process p = new ProcessBuilder(python.get(), script.toString(), service.uri("/sparql").toString(),
        service.iri("/id/kommun/1492").toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), out);
    assertEquals(0, p.exitValue(), out);
    long promises = Long.parseLong(QueryExecHTTP.service(service.uri("/sparql").toString())
        .query(LG + "SELECT (COUNT(DISTINCT ?p) AS ?n) { ?p a lg:CitizenPromise }").build().select().next().get("n")
        .getLiteralLexicalForm());
    Graph constructed = QueryExecHTTP.service(service.uri("/sparql").toString()).query(CONSTRUCT).build().construct();
    java.util.Map<String, String> lines = new java.util.HashMap<>();
    out.lines().map(l -> l.split(" ", 2)).filter(a -> a.length == 2).forEach(a -> lines.put(a[0], a[1]));
    assertEquals(String.valueOf(constructed.size()), lines.get("construct"), out);
    assertTrue(Integer.parseInt(lines.getOrDefault("describe", "0")) >= 5, out);
    assertEquals(String.valueOf(promises), lines.get("select"), out);
    assertEquals("true", lines.get("ask"), out);
  }

  /** A python 3 that can import {@code module}: the one on the PATH, else Debian's. */
  static java.util.Optional<String> pythonWith(String module) {
    for (String python : new String[] {"python3", "/usr/bin/python3"}) {
      try {
        Process p = new ProcessBuilder(python, "-c", "import " + module).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0) {
          return java.util.Optional.of(python);
        }
      } catch (IOException | InterruptedException e) {
        // not this one
      }
    }
    return java.util.Optional.empty();
  }

  /** The other return formats SPARQLWrapper offers for graphs, with the Accept headers it sends for them. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "turtle | application/turtle,text/turtle | text/turtle | TTL",
      "n3 | application/turtle,text/turtle,text/rdf+n3,application/n-triples,application/n3,text/n3 | text/turtle | TTL",
      "json-ld | application/ld+json,application/x-json+ld | application/ld+json | JSONLD",
      "rdf+xml | application/rdf+xml | application/rdf+xml | RDFXML"})
  void sparqlWrapperGraphFormats(String format, String accept, String expectedType, String lang) throws Exception {
    HttpResponse<String> r = sparqlWrapper(CONSTRUCT, format, accept);
    assertEquals(200, r.statusCode(), format + ": " + r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(expectedType), format + ": "
        + r.headers());
    Graph g = GraphFactory.createDefaultGraph();
    RDFParser.fromString(r.body(), org.apache.jena.riot.RDFLanguages.nameToLang(lang)).parse(g);
    assertTrue(g.size() >= 3, r.body());
  }

  /** SELECT and ASK with SPARQLWrapper's default (XML) and its JSON. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "xml | application/sparql-results+xml | application/sparql-results+xml",
      "json | application/sparql-results+json,application/json,text/javascript,application/javascript"
          + " | application/sparql-results+json"})
  void sparqlWrapperResultFormats(String format, String accept, String expectedType) throws Exception {
    HttpResponse<String> select = sparqlWrapper(LG + "SELECT ?p { ?p a lg:CitizenPromise }", format, accept);
    assertEquals(200, select.statusCode(), select.body());
    assertTrue(select.headers().firstValue("Content-Type").orElse("").startsWith(expectedType));
    var lang = format.equals("xml") ? ResultSetLang.RS_XML : ResultSetLang.RS_JSON;
    assertTrue(ResultSetMgr.read(new ByteArrayInputStream(select.body().getBytes(StandardCharsets.UTF_8)), lang)
        .hasNext());
    HttpResponse<String> ask = sparqlWrapper(LG + "ASK { ?p a lg:CitizenPromise }", format, accept);
    assertTrue(ResultSetMgr.readBoolean(new ByteArrayInputStream(ask.body().getBytes(StandardCharsets.UTF_8)), lang));
  }

  private static HttpResponse<String> sparqlWrapper(String query, String format, String accept) throws Exception {
    String f = URLEncoder.encode(format, StandardCharsets.UTF_8);
    String path = "/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&format=" + f + "&output="
        + f + "&results=" + f;
    return service.http().send(HttpRequest.newBuilder(service.uri(path)).header("Accept", accept)
        .header("User-Agent", USER_AGENT).timeout(Duration.ofSeconds(60)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
