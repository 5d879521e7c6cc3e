package se.loftesgrafen.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.rdf.model.Model;
import org.junit.jupiter.api.Test;
import se.loftesgrafen.extract.Commitment;
import se.loftesgrafen.extract.ExtractedPromise;
import se.loftesgrafen.vocab.ShapesValidator;

/** The contract between the mapper and vocab/shapes.ttl: what the mapper writes passes the shapes. */
class PromiseMapperShapesTest {
  private static final String BASE = "https://data.example.org/loftesgrafen/";
  private static final ShapesValidator SHAPES = ShapesValidator.create(BASE);

  private static ExtractedPromise promise(List<Commitment> commitments) {
    return new ExtractedPromise("amal.html", true, List.of(new ExtractedPromise.MunicipalityRef("1492", "Åmål")),
        Optional.of("Lokalpolisområde Dalsland"),
        Optional.of(new ExtractedPromise.Period(Optional.of("2021"), Optional.of("2022-06-30"),
            "fram till halvårsskiftet 2022")),
        Optional.of("2021-04-14"), Optional.of("2021-09-16"), List.of("medborgardialog", "lagesbild"),
        List.of(new ExtractedPromise.Signatory("Anna Andersson", Optional.of("kommunstyrelsens ordförande"),
            Optional.of("Åmåls kommun"), Optional.of("M"))),
        commitments, Optional.of("Medborgarlöfte i Åmål 2021"));
  }

  private static final Commitment GOAL = new Commitment("Polisen ska lagföra minst fem personer för narkotikabrott.",
      Set.of(Commitment.Actor.POLISEN), List.of("narkotika", "lagforing"), Commitment.Kind.GOAL,
      List.of(new Commitment.Target(5, "personer", "lagförda för narkotikabrott", "minst fem personer")), 10, 68,
      Optional.of(new Commitment.Confidence(0.97, 1.0, 0.0004)));
  private static final Commitment JOINT = new Commitment("Vi genomför trygghetsvandringar med Fryshuset.",
      Set.of(Commitment.Actor.POLISEN, Commitment.Actor.KOMMUNEN, Commitment.Actor.OTHER),
      List.of("trygghetsvandring", "langning"), Commitment.Kind.ACTIVITY, List.of(), 70, 116);

  private static SnapshotInfo snapshot() {
    return new SnapshotInfo("https://www.amal.se/medborgarlofte.html", Instant.parse("2026-11-20T03:12:45Z"), 200,
        "text/html; charset=UTF-8", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        Optional.of("urn:uuid:6a4b0a0c-2b6e-4f0e-9d0a-1f2e3d4c5b6a"), Optional.of("x.warc.gz"), "20261120T031200Z",
        Optional.empty());
  }

  @Test
  void mappedPromisePassesTheShapes() {
    Model model = new PromiseMapper(new Iris(URI.create(BASE)), "test").map(promise(List.of(GOAL, JOINT)), snapshot());
    ShapesValidator.Report report = SHAPES.validate(model.getGraph());
    assertEquals(List.of(), report.lines());
  }

  @Test
  void pageWithoutPromiseKeepsAValidSnapshot() {
    ExtractedPromise none = new ExtractedPromise("x", false, List.of(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(), Optional.empty());
    Model model = new PromiseMapper(new Iris(URI.create(BASE)), "test").map(none, snapshot());
    assertTrue(SHAPES.validate(model.getGraph()).conforms(), SHAPES.validate(model.getGraph()).lines().toString());
  }
}
