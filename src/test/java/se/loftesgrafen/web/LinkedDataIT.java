package se.loftesgrafen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.document.JsonDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.json.JsonArray;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.loftesgrafen.testing.RunningService;

/**
 * Resources, catalog, VoID, dumps and metrics of a running service with the bundled sample, read with real
 * clients and parsers (Jena, titanium, the JDK's HTTP client).
 */
class LinkedDataIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  static Path store;
  static RunningService service;
  static String promise;

  @BeforeAll
  static void start() throws Exception {
    service = RunningService.start(store);
    HttpResponse<String> r = service.sparql("PREFIX lg: <https://w3id.org/loftesgrafen/def#>\n"
        + "SELECT ?p { ?p a lg:CitizenPromise ; lg:commitment ?c } LIMIT 1", "application/sparql-results+json");
    promise = JSON.readTree(r.body()).at("/results/bindings/0/p/value").asText();
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  private static String path(String iri) {
    return iri.substring(service.iri("/").length() - 1);
  }

  private static Graph parse(String body, Lang lang) {
    if (lang == Lang.JSONLD11) {
      return service.parseJsonLd(body).getDefaultGraph();
    }
    Graph g = GraphFactory.createDefaultGraph();
    RDFParser.fromString(body, lang).base(service.iri("/")).parse(g);
    return g;
  }

  @ParameterizedTest
  @ValueSource(strings = {"promise", "/id/kommun/1438", "/id/tema/narkotika", "/id/lan/14"})
  void jsonLdAndTurtleOfAResourceAreIsomorphic(String which) throws Exception {
    String path = which.equals("promise") ? path(promise) : which;
    HttpResponse<String> ttl = service.get(path, "Accept", "text/turtle");
    HttpResponse<String> jsonld = service.get(path, "Accept", "application/ld+json");
    assertEquals(200, ttl.statusCode(), ttl.body());
    assertEquals(200, jsonld.statusCode(), jsonld.body());
    assertTrue(jsonld.body().contains(service.uri("/context/v1.jsonld").toString()),
        "references our context where this instance serves it");
    Graph fromTurtle = parse(ttl.body(), Lang.TURTLE);
    Graph fromJsonLd = parse(jsonld.body(), Lang.JSONLD11);
    assertTrue(fromTurtle.size() > 3, ttl.body());
    assertTrue(fromTurtle.isIsomorphicWith(fromJsonLd), "JSON-LD and Turtle differ for " + path);
    // titanium on its own: expand (fetching our context over HTTP) and count the node objects with properties
    JsonArray expanded = JsonLd.expand(JsonDocument.of(new ByteArrayInputStream(
        jsonld.body().getBytes(StandardCharsets.UTF_8)))).loader(service.documentLoader()).get();
    Graph fromExpanded = parse(expanded.toString(), Lang.JSONLD11);
    assertTrue(fromTurtle.isIsomorphicWith(fromExpanded), "expanded JSON-LD differs for " + path);
  }

  @Test
  void aPromiseComesWithItsCommitmentsNested() throws Exception {
    JsonNode doc = JSON.readTree(service.get(path(promise), "Accept", "application/ld+json").body());
    assertTrue(doc.has("@context") && !doc.has("@graph"), "framed on the promise: " + doc.toString().substring(0, 200));
    assertTrue(doc.toString().contains("\"id\":\"" + promise + "/atagande/"), "commitments are nested");
  }

  @Test
  void conditionalGetGives304() throws Exception {
    HttpResponse<String> first = service.get("/id/kommun/1438", "Accept", "text/turtle");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    String modified = first.headers().firstValue("Last-Modified").orElseThrow();
    assertTrue(first.headers().allValues("Vary").toString().contains("Accept"));
    assertEquals(304, service.get("/id/kommun/1438", "Accept", "text/turtle", "If-None-Match", etag).statusCode());
    assertEquals(304, service.get("/id/kommun/1438", "Accept", "text/turtle", "If-Modified-Since", modified).statusCode());
    assertEquals(200, service.get("/id/kommun/1438", "Accept", "text/turtle", "If-None-Match", "\"other\"").statusCode());
    String jsonEtag = service.get("/id/kommun/1438", "Accept", "application/ld+json").headers().firstValue("ETag")
        .orElseThrow();
    assertTrue(!jsonEtag.equals(etag), "the ETag depends on the format");
  }

  @Test
  void unknownIrisGetAHelpful404AndBrowsersGetHtml() throws Exception {
    HttpResponse<String> missing = service.get("/id/kommun/9999", "Accept", "text/turtle");
    assertEquals(404, missing.statusCode());
    assertTrue(missing.body().contains("id/kommun/1492") && missing.body().contains("sparql"), missing.body());
    HttpResponse<String> html = service.get("/id/kommun/1438", "Accept", "text/html,*/*;q=0.8");
    assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(html.body().contains("Dals-Ed") && html.body().contains("<table"), html.body());
  }

  @Test
  void theCatalogPassesTheDcatApSeShapes() throws Exception {
    HttpResponse<String> rdfxml = service.get("/datasets/dcat");
    assertTrue(rdfxml.headers().firstValue("Content-Type").orElse("").startsWith("application/rdf+xml"));
    Graph catalog = parse(rdfxml.body(), Lang.RDFXML);
    Graph shapesGraph = GraphFactory.createDefaultGraph();
    try (InputStream in = getClass().getResourceAsStream("/graph/dcat-ap/dcat-ap-se-shapes.ttl")) {
      RDFParser.source(in).lang(Lang.TURTLE).parse(shapesGraph);
    }
    ValidationReport report = ShaclValidator.get().validate(Shapes.parse(shapesGraph), catalog);
    if (!report.conforms()) {
      ShLib.printReport(report);
    }
    assertTrue(report.conforms(), "DCAT-AP-SE shapes: " + report.getEntries().size() + " results");
    Graph turtle = parse(service.get("/datasets/dcat", "Accept", "text/turtle").body(), Lang.TURTLE);
    assertTrue(turtle.isIsomorphicWith(catalog) || turtle.size() == catalog.size());
    assertTrue(rdfxml.body().contains("http://creativecommons.org/publicdomain/zero/1.0/"));
  }

  @Test
  void theCatalogStatesFormatsLicenceIssuedPeriodicityAndBothLanguages() throws Exception {
    org.apache.jena.rdf.model.Model m = org.apache.jena.rdf.model.ModelFactory.createModelForGraph(
        parse(service.get("/datasets/dcat", "Accept", "text/turtle").body(), Lang.TURTLE));
    org.apache.jena.rdf.model.Model fileTypes = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
    try (InputStream in = getClass().getResourceAsStream("/graph/eu-vocabularies/file-type.rdf")) {
      RDFParser.source(in).lang(Lang.RDFXML).parse(fileTypes);
    }
    var formats = m.listObjectsOfProperty(DCTerms.format).toList();
    assertTrue(formats.stream().anyMatch(f -> f.toString().endsWith("/file-type/RDF_N_QUADS")), formats.toString());
    for (var format : formats) {
      assertTrue(fileTypes.contains(format.asResource(), RDF.type, SKOS.Concept), format + " is in the EU table");
    }
    org.apache.jena.rdf.model.Resource dataset = m.listSubjectsWithProperty(RDF.type, DCAT.Dataset).next();
    assertTrue(dataset.hasProperty(DCTerms.license, m.createResource("http://creativecommons.org/publicdomain/zero/1.0/")));
    assertTrue(dataset.getProperty(DCTerms.issued).getLiteral().getDatatypeURI().endsWith("#dateTime"),
        "issued: the first harvest");
    // harvest-config/loftesgrafen.yaml: harvest.schedule "0 0 3 * * ?"
    assertEquals("http://publications.europa.eu/resource/authority/frequency/DAILY",
        dataset.getPropertyResourceValue(DCTerms.accrualPeriodicity).getURI());
    for (var type : java.util.List.of(DCAT.Catalog, DCAT.Dataset, DCAT.Distribution, DCAT.DataService)) {
      for (var r : m.listSubjectsWithProperty(RDF.type, type).toList()) {
        for (var p : java.util.List.of(DCTerms.title, DCTerms.description)) {
          var languages = r.listProperties(p).mapWith(st -> st.getLanguage()).toSet();
          assertEquals(java.util.Set.of("sv", "en"), languages, r + " " + p.getLocalName());
        }
      }
    }
  }

  @Test
  void voidNamesTheEndpointAndDumps() throws Exception {
    HttpResponse<String> r = service.get("/.well-known/void", "Accept", "text/turtle");
    assertEquals(200, r.statusCode());
    Graph g = parse(r.body(), Lang.TURTLE);
    assertTrue(r.body().contains("sparqlEndpoint") && r.body().contains("dataDump") && r.body().contains("triples"),
        r.body());
    assertTrue(g.size() > 10);
  }

  @Test
  void dumpsAreWrittenAndServed() throws Exception {
    HttpResponse<String> release = service.get("/dumps/release.json");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (release.statusCode() == 503 && System.nanoTime() < deadline) {
      Thread.sleep(500);
      release = service.get("/dumps/release.json");
    }
    assertEquals(200, release.statusCode(), release.body());
    JsonNode meta = JSON.readTree(release.body());
    assertEquals(service.service().store().version(), meta.get("version").asLong());
    assertEquals(4, meta.get("files").size(), "three dumps and the CSVW metadata of the CSV");
    HttpResponse<InputStream> nq = service.http().send(HttpRequest.newBuilder(service.uri("/dumps/loftesgrafen.nq.gz"))
        .build(), HttpResponse.BodyHandlers.ofInputStream());
    DatasetGraph quads = DatasetGraphFactory.create();
    try (InputStream in = new GZIPInputStream(nq.body())) {
      RDFParser.source(in).lang(Lang.NQUADS).parse(quads);
    }
    assertEquals(meta.at("/counts/quads").asLong(), quads.stream().count());
    assertEquals("application/gzip", nq.headers().firstValue("Content-Type").orElse(""), nq.headers().toString());
    assertTrue(nq.headers().firstValue("Content-Encoding").isEmpty(), "the .gz file as it is: " + nq.headers());
    // what `riot <URL>` does: Jena's parser reads the URL, decodes the gzip coding and takes N-Quads from Content-Type
    DatasetGraph fromUrl = DatasetGraphFactory.create();
    RDFParser.source(service.uri("/dumps/loftesgrafen.nq").toString()).parse(fromUrl);
    assertEquals(quads.stream().count(), fromUrl.stream().count(), "riot reads the dump from its URL");
    DatasetGraph fromJsonLd = DatasetGraphFactory.create();
    service.parseJsonLd(service.get("/dumps/loftesgrafen.jsonld").body()).stream().forEach(fromJsonLd::add);
    assertEquals(quads.stream().count(), fromJsonLd.stream().count(), "the JSON-LD dump holds the same quads");
    String csv = service.get("/dumps/commitments.csv").body();
    assertTrue(csv.startsWith(String.join(",", se.loftesgrafen.graph.dump.CommitmentCsv.COLUMNS) + "\n"),
        csv.substring(0, Math.min(200, csv.length())));
    try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new java.io.StringReader(csv))) {
      assertEquals(meta.at("/counts/commitments").asLong(),
          parser.stream().map(r -> r.get("commitment")).distinct().count(), "every commitment is in the CSV");
    }
    HttpResponse<String> head = service.http().send(HttpRequest.newBuilder(service.uri("/dumps/commitments.csv"))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, head.statusCode());
    assertEquals("", head.body());
    String etag = service.get("/dumps/commitments.csv").headers().firstValue("ETag").orElseThrow();
    assertEquals(304, service.get("/dumps/commitments.csv", "If-None-Match", etag).statusCode());
  }

  /** A portal's trail: the home page links the SPARQL page, the catalogue, the dumps and the data licence. */
  @Test
  void theHomePageLinksCatalogueDumpsSparqlAndLicence() throws Exception {
    String home = service.get("/").body();
    for (String href : java.util.List.of("./sparql", "./datasets/dcat", "./dumps/release.json", "./licence")) {
      assertTrue(home.contains("href=\"" + href + "\""), "the home page links " + href);
    }
    HttpResponse<String> licence = service.get("/licence");
    assertEquals(303, licence.statusCode());
    assertEquals("http://creativecommons.org/publicdomain/zero/1.0/",
        licence.headers().firstValue("Location").orElse(""), "the configured data licence, as DCAT states it");
    assertTrue(service.get("/datasets/dcat", "Accept", "text/turtle").body()
        .contains("<http://creativecommons.org/publicdomain/zero/1.0/>"));
  }

  /** The sample is read from files: no snapshot claims an HTTP status, and the API says what happened. */
  @Test
  void aPageReadFromAFileClaimsNoFetch() throws Exception {
    String ask = "PREFIX lg: <https://w3id.org/loftesgrafen/def#>\nASK { ?s a lg:SourceSnapshot ; lg:httpStatus ?x }";
    HttpResponse<String> r = service.sparql(ask, "application/sparql-results+json");
    assertEquals(false, JSON.readTree(r.body()).get("boolean").asBoolean(), r.body());
    JsonNode timeline = JSON.readTree(service.get("/api/municipalities/1492/timeline").body());
    java.util.List<JsonNode> sources = timeline.findValues("source").stream().filter(JsonNode::isArray).toList();
    assertTrue(!sources.isEmpty(), timeline.toString());
    for (JsonNode list : sources) {
      for (JsonNode source : list) {
        assertTrue(!source.has("httpStatus") && !source.has("warcRecord") && source.has("fetchedAt"),
            "a file read: its time, no status, no archived record: " + source);
      }
    }
  }

  @Test
  void metricsAreInThePrometheusFormat() throws Exception {
    service.get("/id/kommun/1438", "Accept", "text/turtle");
    HttpResponse<String> r = service.get("/metrics");
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
    assertTrue(r.body().contains("loftesgrafen_http_requests_total{route=\"id\",status=\"200\"}"), r.body());
    assertTrue(r.body().contains("# TYPE loftesgrafen_http_request_seconds histogram"));
    assertTrue(r.body().matches("(?s).*loftesgrafen_store_snapshots [1-9].*"), r.body());
  }
}
