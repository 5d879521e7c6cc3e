package se.loftesgrafen.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.vocab.QB;

/**
 * The bundled figures as a Data Cube in a real TDB2 store on disk: the W3C integrity constraints IC-1 to IC-21,
 * coverage of the total crime rate, and loading twice changes nothing.
 */
class OutcomeCubeIT {
  static final Iris IRIS = new Iris(URI.create("http://localhost:8080/"));
  static final OutcomeIris NAMES = new OutcomeIris(IRIS);
  static final IntegrityConstraints ICS = IntegrityConstraints.load();
  static final String PREFIXES = """
      PREFIX qb: <http://purl.org/linked-data/cube#>
      PREFIX lgu: <https://w3id.org/loftesgrafen/def/utfall#>
      PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
      PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
      """;
  @TempDir
  static Path folder;
  static OutcomeData data;
  static PromiseStore store;
  static OutcomesLoader.Loaded first;

  @BeforeAll
  static void load() {
    data = OutcomeData.bundled();
    store = PromiseStore.embedded(folder.resolve("full"));
    first = OutcomesLoader.load(store, IRIS);
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void everyFigureIsAnObservation() {
    assertTrue(first.written());
    assertEquals(34_963 + 8_398 + 4_163, first.observations(), "rows of the three CSVs (SOURCES.md)");
    assertEquals(first.observations(), count("SELECT (COUNT(?o) AS ?n) { ?o a qb:Observation }"));
  }

  @Test
  void theFullCubePassesEveryIntegrityConstraintButTheQuadraticOne() {
    // IC-12 as written compares every pair of observations: 2.2 billion pairs here. It runs as written on a
    // subset below, and on the full cube as the equivalent grouping over the dimensions.
    assertEquals(List.of(), ICS.violated(store, List.of("IC-12 ")));
    assertEquals(0, count("""
        SELECT (COUNT(*) AS ?n) { SELECT ?ds ?m ?y ?k WHERE {
          ?o qb:dataSet ?ds ; lgu:municipality ?m ; lgu:year ?y ; lgu:indicator ?k
        } GROUP BY ?ds ?m ?y ?k HAVING (COUNT(?o) > 1) }"""), "observations with the same dimension values");
  }

  @Test
  void aSubsetPassesAllTwentyOneConstraintsAsWritten() {
    Set<String> codes = Set.of("1492", "0765", "1882");
    List<Outcome> some = data.outcomes().stream().filter(o -> codes.contains(o.code())).toList();
    assertTrue(some.size() > 300, "figures of three municipalities");
    try (PromiseStore small = PromiseStore.embedded(folder.resolve("subset"))) {
      OutcomesLoader.load(small, IRIS, new OutcomeData(data.source(), data.measures(), some), "subset");
      assertEquals(22, ICS.names().size(), "IC-1 to IC-21, IC-19 in its two parts");
      assertEquals(List.of(), ICS.violated(small, List.of()));
    }
  }

  /** Each broken cube violates the constraint it breaks: the queries can fail. */
  static Stream<Arguments> brokenCubes() {
    Node year = OutcomeTerms.year.asNode();
    return Stream.of(
        Arguments.of("IC-1 Unique DataSet", (BiConsumer<Graph, Node>) (g, obs) ->
            g.delete(Triple.create(obs, QB.dataSet.asNode(), NAMES.dataSet().asNode()))),
        Arguments.of("IC-2 Unique DSD", (BiConsumer<Graph, Node>) (g, obs) ->
            g.add(Triple.create(NAMES.dataSet().asNode(), QB.structure.asNode(), NodeFactory.createURI("urn:x:dsd")))),
        Arguments.of("IC-11 All dimensions required", (BiConsumer<Graph, Node>) (g, obs) ->
            g.find(obs, year, Node.ANY).toList().forEach(g::delete)),
        Arguments.of("IC-12 No duplicate observations", (BiConsumer<Graph, Node>) (g, obs) -> {
          Node twin = NodeFactory.createURI(obs.getURI() + "-twin");
          g.find(obs, Node.ANY, Node.ANY).toList().forEach(t -> g.add(Triple.create(twin, t.getPredicate(), t.getObject())));
        }),
        Arguments.of("IC-13 Required attributes", (BiConsumer<Graph, Node>) (g, obs) ->
            g.find(obs, QB.unitMeasure.asNode(), Node.ANY).toList().forEach(g::delete)),
        Arguments.of("IC-14 All measures present", (BiConsumer<Graph, Node>) (g, obs) ->
            g.find(obs, OutcomeTerms.value.asNode(), Node.ANY).toList().forEach(g::delete)),
        Arguments.of("IC-19a Codes from code list (concept scheme)", (BiConsumer<Graph, Node>) (g, obs) -> {
          g.find(obs, OutcomeTerms.indicator.asNode(), Node.ANY).toList().forEach(g::delete);
          g.add(Triple.create(obs, OutcomeTerms.indicator.asNode(), NodeFactory.createURI("urn:x:not-a-kpi")));
        }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenCubes")
  void aBrokenCubeViolatesItsConstraint(String constraint, BiConsumer<Graph, Node> breakIt) {
    List<Outcome> some = data.outcomes().stream().filter(o -> o.code().equals("1492")).limit(20).toList();
    Graph cube = new OutcomeCube(NAMES).build(new OutcomeData(data.source(), data.measures(), some), "broken");
    breakIt.accept(cube, NAMES.observation(some.get(0)).asNode());
    Path where = folder.resolve("broken-" + constraint.substring(0, constraint.indexOf(' ')));
    try (PromiseStore broken = PromiseStore.embedded(where)) {
      broken.replaceGraphs(Map.of(NAMES.graphNode(), cube));
      List<String> violated = ICS.violated(broken, List.of());
      assertTrue(violated.contains(constraint), constraint + " not detected; violated: " + violated);
    }
  }

  @Test
  void theTotalCrimeRateIsThereForAll290MunicipalitiesFrom2015To2022() {
    Map<String, Long> perYear = new TreeMap<>();
    store.query(QueryFactory.create(PREFIXES + """
        SELECT ?y (COUNT(DISTINCT ?m) AS ?n) WHERE {
          ?o a qb:Observation ; lgu:indicator ?k ; lgu:municipality ?m ; lgu:year ?y ; lgu:value ?v .
          ?k skos:notation "N07540" .
          FILTER (?y >= "2015"^^xsd:gYear && ?y <= "2022"^^xsd:gYear)
        } GROUP BY ?y ORDER BY ?y"""), Duration.ofMinutes(1), exec -> {
      exec.select().forEachRemaining(b -> perYear.put(b.get("y").getLiteralLexicalForm(),
          ((Number) b.get("n").getLiteralValue()).longValue()));
      return null;
    });
    Map<String, Long> expected = new TreeMap<>();
    for (int y = 2015; y <= 2022; y++) {
      expected.put(Integer.toString(y), 290L);
    }
    assertEquals(expected, perYear);
  }

  @Test
  void valuesAreAsPublished() {
    Outcome amal2019 = data.outcomes().stream().filter(o -> o.code().equals("1492") && o.year() == 2019
        && o.kpi().equals("N07544")).findFirst().orElseThrow();
    String value = store.query(QueryFactory.create(PREFIXES + "SELECT ?v { <" + NAMES.observation(amal2019).getURI()
        + "> lgu:value ?v }"), Duration.ofMinutes(1), exec -> exec.select().next().get("v").getLiteralLexicalForm());
    assertEquals(0, new BigDecimal(value).compareTo(amal2019.value()), value + " vs " + amal2019.value());
  }

  @Test
  void loadingTheSameCopyAgainChangesNothingAndAChangedCopyIsWritten() {
    long version = store.version();
    OutcomesLoader.Loaded again = OutcomesLoader.load(store, IRIS);
    assertFalse(again.written());
    assertEquals(version, store.version(), "the data version stays");
    try (PromiseStore other = PromiseStore.embedded(folder.resolve("changed"))) {
      List<Outcome> one = List.of(data.outcomes().get(0));
      OutcomesLoader.load(other, IRIS, new OutcomeData(data.source(), data.measures(), one), "a");
      List<Outcome> changed = new ArrayList<>(List.of(new Outcome(one.get(0).code(), one.get(0).year(),
          one.get(0).measure(), one.get(0).value().add(BigDecimal.ONE), one.get(0).unit(), one.get(0).kpi())));
      assertTrue(OutcomesLoader.load(other, IRIS, new OutcomeData(data.source(), data.measures(), changed), "b")
          .written());
      Set<String> values = new TreeSet<>();
      other.query(QueryFactory.create(PREFIXES + "SELECT ?v { ?o lgu:value ?v }"), Duration.ofMinutes(1), exec -> {
        exec.select().forEachRemaining(b -> values.add(b.get("v").getLiteralLexicalForm()));
        return null;
      });
      assertEquals(Set.of(changed.get(0).value().toPlainString()), values, "the new value replaced the old");
    }
  }

  private static long count(String select) {
    return store.query(QueryFactory.create(PREFIXES + select), Duration.ofMinutes(5),
        exec -> ((Number) exec.select().next().get("n").getLiteralValue()).longValue());
  }
}
