package se.loftesgrafen.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.junit.jupiter.api.Test;
import se.loftesgrafen.graph.Iris;

/** The bundled copy read into records, against the counts SOURCES.md states; the shapes on the built cube. */
class OutcomeFilesTest {
  static final OutcomeData DATA = OutcomeData.bundled();

  @Test
  void rowCountsAreThoseOfSourcesMd() {
    Map<String, Long> perFile = DATA.outcomes().stream().collect(Collectors.groupingBy(
        o -> DATA.measure(o.measure()).orElseThrow().file(), Collectors.counting()));
    assertEquals(Map.of("anmalda_brott_kolada.csv", 34_963L, "befolkning_kolada.csv", 8_398L,
        "trygghet_kolada.csv", 4_163L), perFile);
    assertEquals(19, DATA.measures().size());
  }

  @Test
  void codesKeepTheirLeadingZeroAndValuesAreNotRounded() {
    Outcome first = DATA.outcomes().get(0);
    assertEquals("0114", first.code());
    assertEquals(2008, first.year());
    assertEquals(new BigDecimal("17472.80903"), first.value());
    Set<String> codes = DATA.outcomes().stream().map(Outcome::code).collect(Collectors.toSet());
    assertEquals(290, codes.size());
  }

  @Test
  void theSourceSaysWhatSourcesMdSays() {
    assertEquals("2024-08", DATA.source().retrieved(), "SOURCES.md: a complete copy made in August 2024");
    assertEquals("Källa: Kolada", DATA.source().attribution());
  }

  @Test
  void badRowsAreRefusedWithWhatIsWrong() {
    var e = assertThrows(IllegalArgumentException.class, () -> new Outcome("114", 2019, "x", BigDecimal.ONE, "u",
        "N07540"));
    assertTrue(e.getMessage().contains("'114'"), e.getMessage());
    var m = assertThrows(IllegalArgumentException.class, () -> new OutcomeData(DATA.source(), DATA.measures(),
        List.of(new Outcome("0114", 2019, "anmalda_brott_totalt_per_100k", BigDecimal.ONE, "u", "N07544"))));
    assertTrue(m.getMessage().contains("N07544"), m.getMessage());
  }

  @Test
  void theCubeConformsToItsShapesAndAnObservationWithoutValueDoesNot() {
    OutcomeIris names = new OutcomeIris(new Iris(URI.create("http://localhost:8080/")));
    List<Outcome> some = DATA.outcomes().subList(0, 50);
    Graph cube = new OutcomeCube(names).build(new OutcomeData(DATA.source(), DATA.measures(), some), "t");
    assertEquals(List.of(), OutcomeShapes.violations(cube));
    Node obs = names.observation(some.get(3)).asNode();
    cube.find(obs, OutcomeTerms.value.asNode(), Node.ANY).toList().forEach(cube::delete);
    List<String> violations = OutcomeShapes.violations(cube);
    assertFalse(violations.isEmpty());
    assertTrue(violations.get(0).contains(obs.getURI()), violations.toString());
  }
}
