package se.loftesgrafen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.loftesgrafen.outcomes.OutcomesLoader;
import se.loftesgrafen.testing.RunningService;

/**
 * Once the outcome figures are loaded, the catalogue lists them as a dataset of their own with Kolada's terms and
 * attribution, and that dataset passes the official DCAT-AP 3.0.1 shapes as DcatShapesIT checks the main one.
 */
class OutcomeCatalogIT {
  private static final String EU = "http://publications.europa.eu/resource/authority/";
  /** EU tables not held in the conformance folder (as in DcatShapesIT). */
  private static final List<String> MISSING_TABLES = List.of(EU + "language/", EU + "country/",
      EU + "access-right/");
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

  private static Graph catalogue() throws Exception {
    HttpResponse<String> r = service.get("/datasets/dcat", "Accept", "text/turtle");
    assertEquals(200, r.statusCode());
    Graph g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
    RDFParser.fromString(r.body(), Lang.TURTLE).base(service.uri("/datasets/dcat").toString()).parse(g);
    return g;
  }

  @Test
  void theOutcomeDatasetIsListedOnceLoadedWithItsTermsAndPassesTheShapes() throws Exception {
    String dataset = service.iri("/datasets/dcat") + "#utfall";
    Model before = ModelFactory.createModelForGraph(catalogue());
    assertFalse(before.containsResource(before.getResource(dataset)), "not listed before the figures are loaded");

    OutcomesLoader.load(service.service().store(), service.service().iris());
    Graph after = catalogue();
    Model m = ModelFactory.createModelForGraph(after);
    Resource d = m.getResource(dataset);
    assertTrue(m.contains(m.getResource(service.iri("/datasets/dcat") + "#catalog"), DCAT.dataset, d));
    assertEquals("Källa: Kolada", d.getProperty(DCTerms.bibliographicCitation).getString());
    assertTrue(d.getPropertyResourceValue(DCTerms.rights).getProperty(org.apache.jena.vocabulary.RDFS.label)
        .getString().contains("Källa: Kolada"));
    assertTrue(d.getPropertyResourceValue(DCTerms.provenance).listProperties().toList().toString()
        .contains("2024-08"), "retrieved as SOURCES.md states it");
    assertFalse(d.hasProperty(DCTerms.license), "Kolada's terms are no named licence");

    var report = ShaclValidator.get().validate(DcatShapesIT.shapes(), DcatShapesIT.withEuTables(after));
    List<ReportEntry> problems = report.getEntries().stream()
        .filter(e -> e.focusNode().isURI() && e.focusNode().getURI().contains("#utfall"))
        .filter(e -> !(e.value() != null && e.value().isURI()
            && MISSING_TABLES.stream().anyMatch(t -> e.value().getURI().startsWith(t))))
        // recommended dct:license on the distributions: Kolada's terms are stated as dct:rights instead
        .filter(e -> !(e.severity() == Severity.Warning && e.resultPath() != null
            && e.resultPath().toString().contains("purl.org/dc/terms/license")))
        // as in DcatShapesIT: the publisher is no body of the EU corporate-body table (EU institutions only)
        .filter(e -> !(e.severity() == Severity.Warning && e.resultPath() != null
            && e.resultPath().toString().contains("purl.org/dc/terms/publisher")))
        .toList();
    assertTrue(problems.isEmpty(), problems.size() + " results:\n" + problems.stream()
        .map(e -> e.severity().level().getLocalName() + " " + e.focusNode() + " " + e.resultPath() + " "
            + e.value() + ": " + e.message()).collect(Collectors.joining("\n")));
  }
}
