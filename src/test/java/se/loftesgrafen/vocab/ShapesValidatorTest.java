package se.loftesgrafen.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.update.UpdateAction;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShapesValidatorTest {
  private static final Graph VOCAB = VocabularyFiles.load(TestBase.BASE);
  private static final ShapesValidator VALIDATOR = ShapesValidator.create(TestBase.BASE, VOCAB);
  private static final Path BROKEN = Path.of("src/test/resources/vocab/shapes/broken");

  private static Graph valid() {
    Graph graph = GraphFactory.createDefaultGraph();
    RDFParser.fromString(TestBase.resource("vocab/shapes/valid.ttl"), Lang.TURTLE).base(TestBase.BASE).parse(graph);
    return graph;
  }

  @Test
  void validExamplePassesWithoutWarnings() {
    ShapesValidator.Report report = VALIDATOR.validate(valid());
    assertEquals(List.of(), report.lines());
    assertTrue(report.conforms());
  }

  /** The example holds every kind of resource, so that each shape above really ran on something. */
  @Test
  void validExampleHasEveryKind() {
    Graph graph = valid();
    for (Resource kind : List.of(LG.CitizenPromise, LG.Commitment, LG.Target, LG.Signatory, LG.LocalPoliceArea,
        LG.SourceSnapshot, LG.HarvestRun, DCTerms.PeriodOfTime)) {
      assertTrue(graph.contains(Node.ANY, RDF.type.asNode(), kind.asNode()), kind.getURI());
    }
  }

  /** Municipalities, counties, police regions and concepts: the reference data itself is the valid example. */
  @Test
  void vocabularyPasses() {
    ShapesValidator.Report report = VALIDATOR.validateAlone(VOCAB);
    assertEquals(List.of(), report.lines());
    for (Resource kind : List.of(LG.Municipality, LG.County, LG.PoliceRegion, SKOS.Concept)) {
      assertTrue(VOCAB.contains(Node.ANY, RDF.type.asNode(), kind.asNode()), kind.getURI());
    }
  }

  static Stream<String> brokenCases() throws IOException {
    try (Stream<Path> files = Files.list(BROKEN)) {
      return files.map(p -> p.getFileName().toString().replace(".ru", "")).sorted().toList().stream();
    }
  }

  /** Variants breaking the register or the concepts; the others break the page. */
  private static boolean breaksReference(String name) {
    return name.startsWith("municipality") || name.startsWith("county") || name.startsWith("concept");
  }

  /** Each broken variant fails with the expected violation: page variants per page, the others on all of vocab/. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenCases")
  void brokenVariantFails(String name) throws IOException {
    String update = Files.readString(BROKEN.resolve(name + ".ru"));
    String expected = update.lines().findFirst().orElseThrow().replaceFirst("^# expect: ", "").strip();
    Graph graph = GraphFactory.createDefaultGraph();
    GraphUtil.addInto(graph, breaksReference(name) ? VOCAB : valid());
    Graph before = GraphFactory.createDefaultGraph();
    GraphUtil.addInto(before, graph);
    UpdateAction.execute(UpdateFactory.create(update, TestBase.BASE), graph);
    assertFalse(graph.isIsomorphicWith(before), "the update changed nothing");

    ShapesValidator.Report report = breaksReference(name) ? VALIDATOR.validateAlone(graph) : VALIDATOR.validate(graph);

    assertFalse(report.conforms(), name + " passed");
    assertTrue(report.violations().stream().anyMatch(r -> r.line().contains(expected)),
        name + ": expected a violation with '" + expected + "', got " + report.lines());
  }

  /**
   * The per-page path, {@link ShapesValidator#validate}, checks only the page's resources against the reference
   * data; it must find what a full validation of page plus vocab/ finds.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"", "commitment-not-listed-by-promise", "period-end-as-year",
      "promise-with-unknown-municipality", "commitment-with-unknown-theme", "signatory-of-no-promise"})
  void focusedValidationFindsWhatFullValidationFinds(String name) throws IOException {
    Graph page = valid();
    if (!name.isEmpty()) {
      UpdateAction.execute(UpdateFactory.create(Files.readString(BROKEN.resolve(name + ".ru")), TestBase.BASE), page);
    }
    Graph whole = GraphFactory.createDefaultGraph();
    GraphUtil.addInto(whole, VOCAB);
    GraphUtil.addInto(whole, page);

    assertEquals(VALIDATOR.validateAlone(whole).lines(), VALIDATOR.validate(page).lines(), name);
  }
}
