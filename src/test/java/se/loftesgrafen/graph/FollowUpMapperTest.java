package se.loftesgrafen.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.loftesgrafen.extract.Commitment;
import se.loftesgrafen.extract.ExtractedPromise;
import se.loftesgrafen.extract.followup.FollowUpItem;
import se.loftesgrafen.extract.followup.FollowUpReport;
import se.loftesgrafen.extract.followup.FollowUpStatus;
import se.loftesgrafen.extract.followup.PageKind;
import se.loftesgrafen.extract.followup.PageReading;
import se.loftesgrafen.extract.followup.UnclearReason;
import se.loftesgrafen.extract.followup.Verdict;
import se.loftesgrafen.vocab.LG;
import se.loftesgrafen.vocab.ShapesValidator;

/** A follow-up report as RDF: it passes the shapes, and FollowUpLinker links its items above the threshold only. */
class FollowUpMapperTest {
  private static final String BASE = "https://data.example.org/loftesgrafen/";
  private static final ShapesValidator SHAPES = ShapesValidator.create(BASE);
  private static final Iris IRIS = new Iris(URI.create(BASE));
  private static final List<ExtractedPromise.MunicipalityRef> HJO = List.of(new ExtractedPromise.MunicipalityRef("1497", "Hjo"));
  private static final Optional<ExtractedPromise.Period> Y2024 =
      Optional.of(new ExtractedPromise.Period(Optional.of("2024"), Optional.of("2024"), "2024"));

  @TempDir
  Path folder;

  private static SnapshotInfo snapshot(String url) {
    return new SnapshotInfo(url, Instant.parse("2026-11-20T03:12:45Z"), 200, "text/html; charset=UTF-8",
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", Optional.empty(), Optional.empty(),
        "20261120T031200Z", Optional.empty());
  }

  private static PageReading report() {
    ExtractedPromise page = new ExtractedPromise("r", false, HJO, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), List.of(), List.of(), List.of(), Optional.of("Uppföljning medborgarlöfte 2024 Hjo"));
    FollowUpReport r = new FollowUpReport(Y2024, List.of(
        new FollowUpItem("Minst fem riktade insatser mot narkotika i och kring hamnen.", 40, FollowUpStatus.KEPT,
            Optional.empty(), List.of(new FollowUpItem.Evidence("Polisen har genomfört åtta riktade insatser.", 300)),
            Set.of("polisen")),
        new FollowUpItem("Fler bänkar i stadsparken.", 120, FollowUpStatus.UNCLEAR,
            Optional.of(UnclearReason.NOT_MENTIONED), List.of(), Set.of("kommunen", "other"))),
        List.of(), Optional.of(new Verdict(FollowUpStatus.KEPT, "Polisen uppfyllde sina utlovade aktiviteter.", 20)),
        false, false);
    return new PageReading(page, PageKind.FOLLOW_UP, Optional.of(r));
  }

  private static ExtractedPromise promise() {
    return new ExtractedPromise("p", true, HJO, Optional.empty(), Y2024, Optional.empty(), Optional.empty(),
        List.of(), List.of(), List.of(
            new Commitment("Polisen ska genomföra minst fem riktade insatser mot narkotika i och kring hamnen.",
                Set.of(Commitment.Actor.POLISEN), List.of(), Commitment.Kind.ACTIVITY, List.of(), 10, 90),
            new Commitment("Kommunen ska förbättra belysningen i Guldkroksparken.",
                Set.of(Commitment.Actor.KOMMUNEN), List.of(), Commitment.Kind.ACTIVITY, List.of(), 91, 140)),
        Optional.of("Medborgarlöfte Hjo 2024"));
  }

  @Test
  void aMappedReportPassesTheShapes() {
    Model m = new PromiseMapper(IRIS, "test").map(report(), snapshot("https://hjo.example/uppfoljning"));
    assertEquals(List.of(), SHAPES.validate(m.getGraph()).lines());
    assertEquals(1, m.listSubjectsWithProperty(RDF.type, LG.FollowUpReport).toList().size());
    assertEquals(2, m.listSubjectsWithProperty(RDF.type, LG.FollowUpItem).toList().size());
    assertEquals(1, m.listSubjectsWithProperty(RDF.type, LG.Evidence).toList().size());
    assertTrue(m.contains(null, LG.unclearReason, LG.notMentioned));
    assertTrue(m.contains(null, LG.overallStatus, LG.kept));
  }

  @Test
  void anItemIsLinkedToTheCommitmentItRestatesAndNothingBelowTheThreshold() {
    PromiseMapper mapper = new PromiseMapper(IRIS, "test");
    SnapshotInfo reportPage = snapshot("https://hjo.example/uppfoljning");
    SnapshotInfo promisePage = snapshot("https://hjo.example/lofte");
    Node reportGraph = NodeFactory.createURI(IRIS.snapshot(reportPage.url(), reportPage.sha256()).getURI());
    try (PromiseStore store = PromiseStore.embedded(folder)) {
      store.replaceGraphs(Map.of(
          reportGraph, mapper.map(report(), reportPage).getGraph(),
          NodeFactory.createURI(IRIS.snapshot(promisePage.url(), promisePage.sha256()).getURI()),
          mapper.map(promise(), promisePage).getGraph()));
      assertEquals(1, new FollowUpLinker(store).link());
      assertEquals(0, new FollowUpLinker(store).link(), "linked once");
      Graph g = store.graph(reportGraph);
      Resource commitment = IRIS.commitment(mapper.promiseIri(promise(), promisePage).orElseThrow(),
          promise().commitments().get(0).text());
      assertTrue(g.contains(commitment.asNode(), LG.followUpStatus.asNode(), LG.kept.asNode()));
      assertTrue(g.contains(Node.ANY, LG.followsUp.asNode(), commitment.asNode()));
      assertFalse(g.contains(Node.ANY, LG.followsUp.asNode(), IRIS.commitment(
          mapper.promiseIri(promise(), promisePage).orElseThrow(), promise().commitments().get(1).text()).asNode()),
          "'Fler bänkar i stadsparken' restates no commitment");
    }
  }
}
