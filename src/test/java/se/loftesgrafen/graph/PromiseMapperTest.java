package se.loftesgrafen.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.loftesgrafen.extract.Commitment;
import se.loftesgrafen.extract.ExtractedPromise;
import se.loftesgrafen.vocab.LG;
import se.loftesgrafen.vocab.ShapesValidator;

/** What the mapper writes for a commitment's confidences (issue 22), against expected Turtle. */
class PromiseMapperTest {
  private static final String BASE = "https://data.example.org/loftesgrafen/";
  private static final PromiseMapper MAPPER = new PromiseMapper(new Iris(URI.create(BASE)), "test");
  private static final String TEXT = "Polisen ska lagföra minst fem personer för narkotikabrott.";

  private static ExtractedPromise promise(Optional<Commitment.Confidence> confidence) {
    Commitment c = new Commitment(TEXT, Set.of(Commitment.Actor.POLISEN), List.of("narkotika"), Commitment.Kind.GOAL,
        List.of(), 10, 68, confidence);
    return new ExtractedPromise("amal.html", true, List.of(new ExtractedPromise.MunicipalityRef("1492", "Åmål")),
        Optional.empty(), Optional.of(new ExtractedPromise.Period(Optional.of("2021"), Optional.empty(), "2021")),
        Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(c), Optional.of("Medborgarlöfte i Åmål 2021"));
  }

  private static SnapshotInfo snapshot() {
    return new SnapshotInfo("https://www.amal.se/medborgarlofte.html", Instant.parse("2026-11-20T03:12:45Z"), 200,
        "text/html", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", Optional.empty(),
        Optional.empty(), "20261120T031200Z", Optional.empty());
  }

  private static Graph expected(String name) throws IOException {
    Model m = ModelFactory.createDefaultModel();
    try (InputStream in = PromiseMapperTest.class.getResourceAsStream("/graph/mapper/" + name)) {
      RDFParser.source(in).lang(Lang.TURTLE).base(BASE).parse(m);
    }
    return m.getGraph();
  }

  private static String turtle(Model m) {
    java.io.StringWriter out = new java.io.StringWriter();
    RDFDataMgr.write(out, m, RDFFormat.TURTLE_PRETTY);
    return out.toString();
  }

  @Test
  void writesTheThreeConfidencesAsDecimalsOfThreePlaces() throws IOException {
    Model mapped = MAPPER.map(promise(Optional.of(new Commitment.Confidence(0.91264, 0.8, 1.0))), snapshot());
    assertTrue(expected("confidence.ttl").isIsomorphicWith(mapped.getGraph()), turtle(mapped));
    ShapesValidator.Report report = ShapesValidator.create(BASE).validate(mapped.getGraph());
    assertEquals(List.of(), report.lines());
  }

  /** The commitment IRI comes from promise and text only; a commitment without confidences lacks just those. */
  /** A page read from a file was not fetched: its snapshot states no HTTP status; one fetched over HTTP does. */
  @Test
  void aPageReadFromAFileStatesNoHttpStatus() {
    SnapshotInfo http = snapshot();
    SnapshotInfo file = new SnapshotInfo(http.url(), http.fetchedAt(), SnapshotInfo.NO_HTTP, http.contentType(),
        http.sha256(), Optional.empty(), Optional.empty(), http.runId(), Optional.empty());
    Model fetched = MAPPER.map(promise(Optional.empty()), http);
    Model read = MAPPER.map(promise(Optional.empty()), file);
    assertEquals(List.of(200), fetched.listObjectsOfProperty(LG.httpStatus).mapWith(n -> n.asLiteral().getInt())
        .toList());
    assertTrue(read.listObjectsOfProperty(LG.httpStatus).toList().isEmpty(), turtle(read));
    Model withoutStatus = ModelFactory.createDefaultModel().add(fetched);
    withoutStatus.removeAll(null, LG.httpStatus, null);
    assertTrue(withoutStatus.isIsomorphicWith(read), "the status is all that differs");
    assertEquals(List.of(), ShapesValidator.create(BASE).validate(read.getGraph()).lines(),
        "the shapes allow a snapshot without status");
  }

  @Test
  void withoutConfidencesTheSameCommitmentLacksOnlyTheirTriples() throws IOException {
    Model mapped = MAPPER.map(promise(Optional.empty()), snapshot());
    Model expected = ModelFactory.createModelForGraph(expected("confidence.ttl"));
    expected.removeAll(null, LG.confidence, null).removeAll(null, LG.actorsConfidence, null)
        .removeAll(null, LG.themesConfidence, null);
    assertTrue(expected.getGraph().isIsomorphicWith(mapped.getGraph()), turtle(mapped));
    Set<String> commitments = new TreeSet<>();
    mapped.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, LG.Commitment)
        .forEach(r -> commitments.add(r.getURI()));
    assertEquals(Set.of(BASE + "id/lofte/1492/2021/atagande/c386eb7cc10c"), commitments);
  }

  /** Canonical xsd:decimal (one digit at least after the point), as TDB2 and Fuseki give decimals back. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"0.9, 0.9", "0.9004, 0.9", "0.91264, 0.913", "0.9995, 1.0", "1, 1.0", "0, 0.0", "0.0005, 0.001",
      "0.12345, 0.123", "0.5, 0.5"})
  void probabilitiesAreCanonicalDecimals(double p, String lexical) {
    Literal l = PromiseMapper.probability(ModelFactory.createDefaultModel(), p);
    assertEquals(lexical, l.getLexicalForm());
    assertEquals(XSDDatatype.XSDdecimal.getURI(), l.getDatatypeURI());
  }
}
