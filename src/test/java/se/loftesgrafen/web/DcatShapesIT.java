package se.loftesgrafen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.vocabulary.OWL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.loftesgrafen.testing.RunningService;

/**
 * {@code /datasets/dcat} against the official DCAT-AP 3.0.1 SHACL shapes (all five files: mandatory, recommended,
 * ranges, EU controlled vocabularies, deprecated IRIs), with the EU file-type and data-theme tables loaded beside
 * the catalogue as the shapes expect (src/test/resources/conformance, copied unchanged; see its README). The shape
 * files' {@code owl:imports} name files on the web; with no network they are dropped before validating.
 * The EU tables of languages, countries, frequencies, access rights and corporate bodies are not available here:
 * a result that says only that such a code is not typed as a concept comes from their absence, and is allowed
 * (named in {@link #MISSING_TABLES}), and so is a result about a resource only the EU tables describe (the file-type
 * table's copy names its scheme by skos:prefLabel, not the dct:title the shapes want). Of the recommended
 * properties (warnings) two are absent on purpose, each with its reason in {@link #EXPLAINED}; every other result,
 * violation or warning, fails the test.
 */
class DcatShapesIT {
  private static final String EU = "http://publications.europa.eu/resource/authority/";
  /** The EU tables the conformance folder does not hold. */
  private static final List<String> MISSING_TABLES = List.of(EU + "language/", EU + "country/", EU + "frequency/",
      EU + "access-right/", EU + "corporate-body/");
  /** Recommended properties left out on purpose: the path of the warning, and why. */
  private static final java.util.Map<String, String> EXPLAINED = java.util.Map.of(
      "http://purl.org/dc/terms/publisher", "the publisher is no body of the EU corporate-body table, which lists EU"
          + " institutions; a Swedish publisher has no code there",
      "http://www.w3.org/ns/dcat#endDate", "the dataset's period is open: every harvest adds the promises of a new"
          + " year, so it has a start and no end");
  private static final List<String> SHAPES = List.of("shapes.ttl", "shapes_recommended.ttl", "range.ttl",
      "mdr-vocabularies.shape.ttl", "deprecateduris.ttl");
  @TempDir
  static Path store;
  static RunningService service;

  @BeforeAll
  static void start() throws Exception {
    service = RunningService.start(store);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  static Shapes shapes() {
    Model all = ModelFactory.createDefaultModel();
    for (String file : SHAPES) {
      all.add(RDFDataMgr.loadModel("src/test/resources/conformance/dcat-ap-3.0.1/" + file));
    }
    all.removeAll(null, OWL.imports, null);
    return Shapes.parse(all.getGraph());
  }

  static Graph withEuTables(Graph catalogue) {
    Graph data = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
    catalogue.find().forEach(data::add);
    RDFDataMgr.read(data, "src/test/resources/conformance/eu-vocabularies/file-type.rdf");
    RDFDataMgr.read(data, "src/test/resources/conformance/eu-vocabularies/data-theme.ttl");
    return data;
  }

  @Test
  void theCatalogueHasNoViolationsOfTheOfficialShapes() throws Exception {
    for (String accept : List.of("application/rdf+xml", "text/turtle")) {
      HttpResponse<String> r = service.get("/datasets/dcat", "Accept", accept);
      assertEquals(200, r.statusCode());
      Graph catalogue = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
      RDFParser.fromString(r.body(), accept.equals("text/turtle") ? Lang.TURTLE : Lang.RDFXML)
          .base(service.uri("/datasets/dcat").toString()).parse(catalogue);
      ValidationReport report = ShaclValidator.get().validate(shapes(), withEuTables(catalogue));
      List<ReportEntry> problems = report.getEntries().stream().filter(e -> !fromAMissingTable(e))
          .filter(e -> describedByTheCatalogue(catalogue, e.focusNode()))
          .filter(e -> !(e.severity() == Severity.Warning && e.resultPath() != null
              && EXPLAINED.containsKey(e.resultPath().toString().replaceAll("[<>]", ""))))
          .toList();
      assertTrue(problems.isEmpty(), accept + ": " + problems.size() + " results:\n" + problems.stream()
          .map(e -> e.severity().level().getLocalName() + " " + e.focusNode() + " " + e.resultPath() + " "
              + e.value() + ": " + e.message()).collect(Collectors.joining("\n")));
    }
  }

  @Test
  void rdfXmlUsesStablePrefixesAndTheDumpsAreDescribedBeforeAnyDownload() throws Exception {
    HttpResponse<String> xml = service.get("/datasets/dcat", "Accept", "application/rdf+xml");
    assertFalse(xml.body().contains("j.0:") || xml.body().contains("xmlns:j."), "no generated prefixes:\n" + xml.body());
    String turtle = "";
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline && !turtle.contains("byteSize")) {
      turtle = service.get("/datasets/dcat", "Accept", "text/turtle").body();
      Thread.sleep(500);
    }
    // the release is written as the data changes, not on the first download: nobody fetched /dumps/ here
    assertTrue(turtle.contains("dcat:byteSize") && turtle.contains("dcat:compressFormat"), turtle);
    Model m = ModelFactory.createDefaultModel();
    RDFParser.fromString(turtle, Lang.TURTLE).parse(m);
    var nquads = m.getResource(service.iri("/datasets/dcat") + "#dump-nquads");
    assertTrue(nquads.hasProperty(org.apache.jena.vocabulary.DCTerms.modified), turtle);
  }

  @Test
  void voidListsEveryVocabularyTheDataUses() throws Exception {
    Model voidModel = ModelFactory.createDefaultModel();
    RDFParser.fromString(service.get("/.well-known/void", "Accept", "text/turtle").body(), Lang.TURTLE).parse(voidModel);
    List<String> listed = voidModel.listObjectsOfProperty(org.apache.jena.vocabulary.VOID.vocabulary)
        .mapWith(n -> n.asResource().getURI()).toList();
    var rows = org.apache.jena.sparql.exec.http.QueryExecHTTP.service(service.uri("/sparql").toString())
        .query("SELECT DISTINCT ?t { { GRAPH ?g { ?s ?t ?o } } UNION { GRAPH ?g { ?s a ?t } } }").build().select();
    java.util.Set<String> used = new java.util.TreeSet<>();
    rows.forEachRemaining(b -> {
      String t = b.get("t").getURI();
      used.add(t.substring(0, Math.max(t.lastIndexOf('#'), t.lastIndexOf('/')) + 1));
    });
    used.remove(org.apache.jena.vocabulary.RDF.uri); // rdf:type is RDF itself, not a vocabulary one chooses
    assertFalse(used.isEmpty());
    List<String> missing = used.stream().filter(ns -> !listed.contains(ns)).toList();
    assertTrue(missing.isEmpty(), "namespaces in the data but not in void:vocabulary: " + missing + "; listed " + listed);
  }

  @Test
  void theShapesFindWhatTheyAreMeantToFind() {
    // the same validation over a catalogue that breaks mandatory shapes gives violations: the check can fail
    Graph broken = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
    Node catalog = NodeFactory.createURI("urn:x:catalog");
    broken.add(catalog, org.apache.jena.vocabulary.RDF.type.asNode(), org.apache.jena.vocabulary.DCAT.Catalog.asNode());
    ValidationReport report = ShaclValidator.get().validate(shapes(), withEuTables(broken));
    assertFalse(report.conforms());
    assertTrue(report.getEntries().stream().anyMatch(e -> e.severity() == Severity.Violation
        && e.resultPath() != null && e.resultPath().toString().contains("title")), report.getEntries().toString());
  }

  /** Whether the catalogue says anything of the node (it is not only described by the EU tables loaded beside). */
  private static boolean describedByTheCatalogue(Graph catalogue, Node focus) {
    return catalogue.contains(focus, Node.ANY, Node.ANY);
  }

  /** "Value does not have class skos:Concept" (or lies outside a scheme) for a code of a table not loaded here. */
  private static boolean fromAMissingTable(ReportEntry e) {
    Node v = e.value();
    return v != null && v.isURI() && MISSING_TABLES.stream().anyMatch(t -> v.getURI().startsWith(t));
  }
}
