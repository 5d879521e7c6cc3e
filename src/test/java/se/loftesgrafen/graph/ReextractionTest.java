package se.loftesgrafen.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.loftesgrafen.extract.Commitment;
import se.loftesgrafen.extract.ExtractedPromise;
import se.loftesgrafen.vocab.LG;
import se.loftesgrafen.vocab.PROV;
import se.loftesgrafen.vocab.ShapesValidator;

/** What counts as a changed extraction, and what a replaced graph keeps, on a real TDB2 store. */
class ReextractionTest {
  static final String URL = "https://www.amal.se/medborgarlofte.html";
  static final Instant FETCHED = Instant.parse("2026-11-20T03:12:45Z");
  static final Instant NOW = Instant.parse("2026-11-29T18:00:00Z");
  static final String SHA = Iris.sha256Hex("page".getBytes(StandardCharsets.UTF_8));
  static final String WARC_RECORD = "urn:uuid:6a4b0a0c-2b6e-4f0e-9d0a-1f2e3d4c5b6a";
  @TempDir
  Path dir;
  PromiseStore store;
  Iris iris = new Iris(URI.create("http://example.org/"));
  ShapesValidator shapes;

  @BeforeEach
  void open() {
    store = PromiseStore.embedded(dir);
    shapes = ShapesValidator.create(iris.base());
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void theSameStatementsByANewVersionAreUnchanged() {
    harvest(promise("Polisen ska synas mer i centrum.", "Kommunen ska tända fler lampor."));
    Reextraction.Stored s = only(reextraction("2.0.0").stored());
    Reextraction.Outcome o = reextraction("2.0.0").compare(s, store.graph(name(s)),
        promise("Polisen ska synas mer i centrum.", "Kommunen ska tända fler lampor."), "reextract-1", NOW);
    assertEquals(new Reextraction.Outcome.Unchanged(2), o);
  }

  @Test
  void aChangedExtractionKeepsTheHarvestsProvenanceAndNamesTheNewVersion() {
    harvest(promise("Polisen ska synas mer i centrum."));
    SnapshotRecorder recorder = new SnapshotRecorder(store, new PromiseMapper(iris, "1.0.0"), iris);
    assertTrue(recorder.markGone(URL, LocalDate.of(2026, 11, 25)));
    Reextraction reextraction = reextraction("2.0.0");
    Reextraction.Stored s = only(reextraction.stored());
    assertEquals(Optional.of(WARC_RECORD), s.warcRecordId());
    assertEquals(FETCHED, s.fetchedAt());
    Graph before = store.graph(name(s));

    Reextraction.Outcome o = reextraction.compare(s, before,
        promise("Polisen ska synas mer i centrum.", "Kommunen ska tända fler lampor."), "reextract-1", NOW);
    Reextraction.Outcome.Changed changed = assertInstanceOf(Reextraction.Outcome.Changed.class, o);
    assertEquals(1, changed.commitmentsBefore());
    assertEquals(2, changed.commitmentsAfter());
    assertEquals(List.of("1.0.0"), changed.versionsBefore());
    Graph after = changed.graph();
    for (var p : List.of(LG.sha256, LG.warcRecord, LG.warcFile, PROV.generatedAtTime, PROV.wasGeneratedBy,
        LG.goneSince)) {
      assertEquals(before.find(name(s), p.asNode(), Node.ANY).toSet(), after.find(name(s), p.asNode(), Node.ANY)
          .toSet(), "kept: " + p);
    }
    Node activity = iris.harvestRun("reextract-1").asNode();
    assertTrue(after.contains(activity, PROV.used.asNode(), name(s)));
    assertTrue(after.contains(activity, PROV.wasAssociatedWith.asNode(), iris.extractor("2.0.0").asNode()));
    assertEquals(Set.of("2.0.0"), after.find(Node.ANY, LG.extractorVersion.asNode(), Node.ANY)
        .mapWith(t -> t.getObject().getLiteralLexicalForm()).toSet());

    reextraction.replace(s, after);
    assertTrue(after.isIsomorphicWith(store.graph(name(s))));
    // Once replaced, the same extraction by the same or another version is unchanged: no new activity each run.
    assertInstanceOf(Reextraction.Outcome.Unchanged.class, reextraction("2.0.1").compare(s, store.graph(name(s)),
        promise("Polisen ska synas mer i centrum.", "Kommunen ska tända fler lampor."), "reextract-2", NOW));
  }

  /**
   * Confidences round-trip through TDB2 (which gives decimals back canonical): the same extraction with the same
   * confidences is unchanged, not rewritten on every re-extraction.
   */
  @Test
  void theSameConfidencesAreUnchangedAfterTheStore() {
    Commitment.Confidence sure = new Commitment.Confidence(0.9, 0.80004, 1.0);
    harvest(withConfidence(promise("Polisen ska synas mer i centrum."), sure));
    Reextraction.Stored s = only(reextraction("2.0.0").stored());
    Reextraction.Outcome o = reextraction("2.0.0").compare(s, store.graph(name(s)),
        withConfidence(promise("Polisen ska synas mer i centrum."), sure), "reextract-1", NOW);
    assertEquals(new Reextraction.Outcome.Unchanged(1), o);
  }

  /** A graph stored before the extractor gave confidences gets them from a re-extraction; the IRIs stay. */
  @Test
  void aReextractionBringsTheConfidencesToAGraphStoredWithout() {
    harvest(promise("Polisen ska synas mer i centrum."));
    Reextraction.Stored s = only(reextraction("2.0.0").stored());
    Graph before = store.graph(name(s));
    Reextraction.Outcome o = reextraction("2.0.0").compare(s, before,
        withConfidence(promise("Polisen ska synas mer i centrum."), new Commitment.Confidence(0.42, 0.5, 0.61)),
        "reextract-1", NOW);
    Graph after = assertInstanceOf(Reextraction.Outcome.Changed.class, o).graph();
    Node commitment = before.find(Node.ANY, LG.commitment.asNode(), Node.ANY).next().getObject();
    assertEquals(List.of(commitment), after.find(Node.ANY, LG.commitment.asNode(), Node.ANY)
        .mapWith(org.apache.jena.graph.Triple::getObject).toList(), "the commitment IRI stays");
    for (var p : List.of(LG.confidence, LG.actorsConfidence, LG.themesConfidence)) {
      assertFalse(before.contains(commitment, p.asNode(), Node.ANY), p.getURI());
    }
    assertTrue(after.contains(commitment, LG.confidence.asNode(),
        NodeFactory.createLiteralDT("0.42", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal)));
    assertTrue(after.contains(commitment, LG.themesConfidence.asNode(),
        NodeFactory.createLiteralDT("0.61", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal)));
  }

  private static ExtractedPromise withConfidence(ExtractedPromise p, Commitment.Confidence confidence) {
    List<Commitment> list = p.commitments().stream().map(c -> new Commitment(c.text(), c.actors(), c.themes(),
        c.kind(), c.targets(), c.start(), c.end(), Optional.of(confidence))).toList();
    return new ExtractedPromise(p.source(), p.isPromise(), p.municipalities(), p.policeArea(), p.period(),
        p.published(), p.updated(), p.basedOn(), p.signatories(), list, p.title());
  }

  @Test
  void aNewExtractionThatBreaksTheShapesIsInvalid() {
    harvest(promise("Polisen ska synas mer i centrum."));
    Reextraction.Stored s = only(reextraction("2.0.0").stored());
    ExtractedPromise broken = new ExtractedPromise(URL, true,
        List.of(new ExtractedPromise.MunicipalityRef("1492", "Åmål")), Optional.empty(),
        Optional.of(new ExtractedPromise.Period(Optional.of("2022"), Optional.of("2021"), "2022–2021")),
        Optional.empty(), Optional.empty(), List.of(), List.of(),
        List.of(new Commitment("Polisen ska synas.", Set.of(Commitment.Actor.POLISEN), List.of("ingen-sadan-tema"),
            Commitment.Kind.ACTIVITY, List.of(), 0, 18)), Optional.empty());
    Reextraction.Outcome o = reextraction("2.0.0").compare(s, store.graph(name(s)), broken, "reextract-1", NOW);
    assertFalse(assertInstanceOf(Reextraction.Outcome.Invalid.class, o).problems().isEmpty());
  }

  @Test
  void onlyTheLatestSnapshotOfAPageIsListed() {
    harvest(promise("Polisen ska synas mer i centrum."));
    SnapshotRecorder recorder = new SnapshotRecorder(store, new PromiseMapper(iris, "1.0.0"), iris);
    String sha2 = Iris.sha256Hex("page v2".getBytes(StandardCharsets.UTF_8));
    recorder.record(new SnapshotInfo(URL, FETCHED.plusSeconds(3600), 200, "text/html", sha2, Optional.empty(),
        Optional.empty(), "run-2", Optional.empty()), promise("Kommunen ska tända fler lampor."));
    Reextraction.Stored s = only(reextraction("2.0.0").stored());
    assertEquals(sha2, s.sha256());
    assertEquals(Optional.empty(), s.warcFile(), "a page read from a local file names no WARC file");
  }

  private void harvest(ExtractedPromise p) {
    new SnapshotRecorder(store, new PromiseMapper(iris, "1.0.0"), iris).record(new SnapshotInfo(URL, FETCHED, 200,
        "text/html", SHA, Optional.of(WARC_RECORD), Optional.of("loftesgrafen-run-1-00001.warc.gz"), "run-1",
        Optional.empty()), p);
  }

  private Reextraction reextraction(String version) {
    return new Reextraction(store, new PromiseMapper(iris, version), iris, version,
        graph -> shapes.validate(graph).violations().stream().map(ShapesValidator.Result::line).toList());
  }

  private static ExtractedPromise promise(String... commitments) {
    List<Commitment> list = java.util.stream.IntStream.range(0, commitments.length).mapToObj(i ->
        new Commitment(commitments[i], Set.of(Commitment.Actor.POLISEN), List.of(), Commitment.Kind.ACTIVITY,
            List.of(), i * 100, i * 100 + commitments[i].length())).toList();
    return new ExtractedPromise(URL, true, List.of(new ExtractedPromise.MunicipalityRef("1492", "Åmål")),
        Optional.empty(), Optional.of(new ExtractedPromise.Period(Optional.of("2021"), Optional.of("2021"), "2021")),
        Optional.empty(), Optional.empty(), List.of(), List.of(), list, Optional.of("Medborgarlöfte 2021"));
  }

  private static Reextraction.Stored only(List<Reextraction.Stored> stored) {
    assertEquals(1, stored.size(), stored.toString());
    return stored.get(0);
  }

  private static Node name(Reextraction.Stored s) {
    return NodeFactory.createURI(s.snapshot());
  }
}
