package se.loftesgrafen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.loftesgrafen.extract.Commitment;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.testing.RunningService;
import se.loftesgrafen.testing.SyntheticNation;

/**
 * The comparison API and search against a synthetic nation (known answers computed from the generated records,
 * not from the store): 60 municipalities × 4 years × 6 commitments, loaded through the real mapper into a running
 * service whose bundled sample was removed first, so that only the nation is in the store.
 */
class ComparisonNationIT {
  private static final int FIRST_YEAR = 2019;
  @TempDir
  static Path folder;
  static RunningService service;
  static SyntheticNation nation;
  static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    service = RunningService.start(folder);
    PromiseStore store = service.service().store();
    Iris iris = service.service().iris();
    removeAllBut(store, iris.vocabularyGraph().getURI());
    nation = SyntheticNation.generate(60, FIRST_YEAR, 4, 6, 7);
    nation.load(store, iris, 100);
    api = new ApiClient(service);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  static void removeAllBut(PromiseStore store, String keep) {
    List<Node> graphs = store.query(QueryFactory.create("SELECT DISTINCT ?g { GRAPH ?g { } }"),
        java.time.Duration.ofSeconds(10), exec -> {
          List<Node> out = new ArrayList<>();
          exec.select().forEachRemaining(b -> out.add(b.get(org.apache.jena.sparql.core.Var.alloc("g"))));
          return out;
        });
    Map<Node, Graph> empty = new HashMap<>();
    graphs.stream().filter(g -> !g.getURI().equals(keep)).forEach(g -> empty.put(g, GraphFactory.createDefaultGraph()));
    store.replaceGraphs(empty);
  }

  static Set<String> codes(List<JsonNode> members) {
    Set<String> out = new TreeSet<>();
    members.forEach(m -> out.add(m.get("code").asText()));
    return out;
  }

  @ParameterizedTest
  @CsvSource({"narkotika, 2021", "narkotika, 2019", "trafik, 2022", "grannsamverkan, 2020"})
  void municipalitiesWithAThemeInAYearAreTheKnownOnes(String theme, int year) throws Exception {
    List<JsonNode> members = api.allMembers("/api/themes/" + theme + "/municipalities?year=" + year
        + "&narrower=false&pageSize=7");
    assertEquals(nation.municipalitiesWithTheme(theme, year), codes(members));
    for (JsonNode m : members) {
      assertFalse(m.get("matchingCommitments").isEmpty(), m.toString());
      for (JsonNode c : m.get("matchingCommitments")) {
        assertTrue(c.get("text").asText().length() > 10, c.toString());
        assertTrue(c.get("theme").toString().contains("\"" + theme + "\""), c.toString());
        assertEquals(year, c.at("/promise/startYear").asInt());
        assertFalse(c.get("actor").isEmpty(), c.toString());
        assertTrue(c.at("/source/0/url").asText().startsWith("https://www."), c.toString());
        assertEquals("2026-11-01T03:00:00Z", c.at("/source/0/fetchedAt").asText());
      }
    }
  }

  @Test
  void filtersCombine() throws Exception {
    String county = nation.kommuner().get(0).countyCode();
    Set<String> expected = new TreeSet<>();
    for (SyntheticNation.Page p : nation.pages()) {
      if (p.year() == 2021 && p.kommun().countyCode().equals(county) && p.promise().commitments().stream()
          .anyMatch(c -> c.themes().contains("narkotika") && c.actors().contains(Commitment.Actor.POLISEN)
              && c.kind() == Commitment.Kind.ACTIVITY)) {
        expected.add(p.kommun().code());
      }
    }
    List<JsonNode> members = api.allMembers("/api/themes/narkotika/municipalities?year=2021&county=" + county
        + "&actor=polisen&kind=activity&narrower=false");
    assertEquals(expected, codes(members));
    assertFalse(expected.isEmpty(), "the seed gives a non-empty answer, so the test can fail");
  }

  @Test
  void csvHasTheSameRowsAsTheJsonLd() throws Exception {
    String query = "/api/themes/narkotika/municipalities?from=2020&to=2021&pageSize=20&page=2";
    List<List<String>> fromJson = new ArrayList<>();
    for (JsonNode m : api.json(query).get("hydra:member")) {
      for (JsonNode c : m.get("matchingCommitments")) {
        List<String> themes = new ArrayList<>();
        c.get("theme").forEach(t -> themes.add(t.asText()));
        List<String> actors = new ArrayList<>();
        c.get("actor").forEach(a -> actors.add(a.asText()));
        fromJson.add(List.of(m.get("code").asText(), c.get("@id").asText(), c.get("text").asText(),
            String.join("; ", actors), String.join("; ", themes), c.at("/source/0/url").asText(),
            c.at("/promise/startYear").asText()));
      }
    }
    List<List<String>> fromCsv = new ArrayList<>();
    for (CSVRecord r : api.csv(query)) {
      fromCsv.add(List.of(r.get("kommunkod"), r.get("commitment"), r.get("text"), r.get("actors"),
          r.get("themes"), r.get("source_url"), r.get("period_start").substring(0, 4)));
    }
    assertFalse(fromJson.isEmpty());
    assertEquals(fromJson, fromCsv);
  }

  @Test
  void pagingIsStableWhileHarvestsWrite() throws Exception {
    Set<String> expected = nation.municipalitiesWithTheme("narkotika", 2020);
    PromiseStore store = service.service().store();
    Iris iris = service.service().iris();
    SyntheticNation later = SyntheticNation.generate(60, 2030, 1, 6, 99);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger writes = new AtomicInteger();
    Thread writer = new Thread(() -> {
      while (!stop.get()) {
        // A re-harvest of the same pages, and new pages for a year outside the query: the answer must not move.
        nation.load(store, iris, 40);
        later.load(store, iris, 40);
        writes.incrementAndGet();
      }
    });
    writer.start();
    try {
      for (int round = 0; round < 3; round++) {
        List<JsonNode> members = api.allMembers("/api/themes/narkotika/municipalities?year=2020&pageSize=4");
        List<String> seen = members.stream().map(m -> m.get("code").asText()).toList();
        assertEquals(new HashSet<>(seen).size(), seen.size(), "no municipality twice: " + seen);
        assertEquals(new ArrayList<>(expected), seen, "every municipality once, in code order");
      }
    } finally {
      stop.set(true);
      writer.join();
      Map<Node, Graph> remove = new HashMap<>();
      later.pages().forEach(p -> remove.put(NodeFactory.createURI(
          iris.snapshot(p.snapshot().url(), p.snapshot().sha256()).getURI()), GraphFactory.createDefaultGraph()));
      store.replaceGraphs(remove);
    }
    assertTrue(writes.get() > 0, "the writer wrote while we paged");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/api/themes/narkotika/municipalities?year=abc|year",
      "/api/themes/narkotika/municipalities?year=1800|1990 to 2100",
      "/api/themes/narkotika/municipalities?county=99|county",
      "/api/themes/narkotika/municipalities?actor=brandkaren|polisen, kommunen, annan",
      "/api/themes/narkotika/municipalities?kind=wish|activity, goal",
      "/api/themes/narkotika/municipalities?yaer=2021|allowed: year, from, to",
      "/api/themes/narkotika/municipalities?page=0|page",
      "/api/themes/narkotika/municipalities?pageSize=100000|pageSize",
      "/api/themes/narkotika/municipalities?from=2022&to=2020|after",
      "/api/themes/narkotika/municipalities?year=2021&from=2020|either",
      "/api/overview?groupBy=kommun|year, county",
      "/api/overview?scheme=x|fokusomraden",
      "/api/municipalities/1492/similar?method=euclid|cosine, jaccard",
      "/api/coverage?missing=maybe|true, false",
      "/api/search?q=narkotika&theme=nope|allowed",
      "/api/search?q=%22unclosed|search words",
      "/api/themes/narkotika/municipalities?format=xml|jsonld, json, csv"})
  void badParametersAreA400SayingWhatIsAllowed(String pathAndQuery, String says) throws Exception {
    HttpResponse<String> r = api.raw(pathAndQuery);
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    JsonNode body = ApiClient.JSON.readTree(r.body());
    assertTrue(body.get("message").asText().contains(says), body.toString());
  }

  @Test
  void unknownThemesAndMunicipalitiesAre404() throws Exception {
    assertEquals(404, api.raw("/api/themes/nope/municipalities").statusCode());
    assertEquals(404, api.raw("/api/municipalities/9999/timeline").statusCode());
  }

  @Test
  void overviewCountsMunicipalitiesAndSharesPerThemeAndYear() throws Exception {
    List<JsonNode> cells = api.allMembers("/api/overview?theme=narkotika");
    assertEquals(4, cells.size(), cells.toString());
    for (JsonNode cell : cells) {
      int year = cell.get("year").asInt();
      int expected = nation.municipalitiesWithTheme("narkotika", year).size();
      assertEquals(expected, cell.get("municipalities").asInt(), cell.toString());
      assertEquals(60, cell.get("reporting").asInt());
      assertEquals(290, cell.get("registered").asInt());
      assertEquals(Math.round(10000.0 * expected / 60) / 10000.0, cell.get("shareOfReporting").asDouble(), 1e-9);
      long commitments = nation.pages().stream().filter(p -> p.year() == year)
          .flatMap(p -> p.promise().commitments().stream()).filter(c -> c.themes().contains("narkotika")).count();
      assertEquals(commitments, cell.get("commitmentCount").asLong());
    }
  }

  @Test
  void timelineSaysWhichThemesAreNewContinuedAndDropped() throws Exception {
    SyntheticNation.Kommun k = nation.kommuner().get(3);
    List<JsonNode> entries = api.allMembers("/api/municipalities/" + k.code() + "/timeline");
    assertEquals(4, entries.size());
    Set<String> previous = Set.of();
    for (int i = 0; i < 4; i++) {
      int year = FIRST_YEAR + i;
      Set<String> themes = new TreeSet<>();
      nation.pages().stream().filter(p -> p.kommun().equals(k) && p.year() == year)
          .forEach(p -> p.promise().commitments().forEach(c -> themes.addAll(c.themes())));
      JsonNode e = entries.get(i);
      assertEquals(year, e.get("startYear").asInt());
      assertEquals(themes, strings(e.get("theme")));
      Set<String> fresh = new TreeSet<>(themes);
      fresh.removeAll(previous);
      Set<String> dropped = new TreeSet<>(previous);
      dropped.removeAll(themes);
      assertEquals(fresh, strings(e.get("newThemes")));
      assertEquals(dropped, strings(e.get("droppedThemes")));
      assertEquals(6, e.get("commitments").size());
      previous = themes;
    }
  }

  @Test
  void similarMunicipalitiesAreRankedByOverlapAndExcludeItself() throws Exception {
    String code = nation.kommuner().get(0).code();
    List<JsonNode> similar = api.json("/api/municipalities/" + code + "/similar?method=jaccard&pageSize=290")
        .get("hydra:member").valueStream().toList();
    assertFalse(similar.isEmpty());
    double last = 2;
    for (JsonNode s : similar) {
      assertFalse(s.at("/municipality/code").asText().equals(code));
      double score = s.get("score").asDouble();
      assertTrue(score <= last && score > 0, similar.toString());
      last = score;
    }
  }

  @Test
  void coverageListsEveryMunicipalityOfTheRegister() throws Exception {
    List<JsonNode> all = api.allMembers("/api/coverage");
    assertEquals(290, all.size());
    Set<String> withPromises = new TreeSet<>();
    nation.kommuner().forEach(k -> withPromises.add(k.code()));
    for (JsonNode m : all) {
      boolean has = withPromises.contains(m.get("code").asText());
      assertEquals(has, m.has("latestPromise"), m.toString());
      if (has) {
        assertEquals(FIRST_YEAR + 3, m.at("/latestPromise/endYear").asInt());
        assertEquals("[\"HTML\"]", m.get("sourceKinds").toString());
        assertEquals("2026-11-01T03:00:00Z", m.get("lastHarvest").asText());
        assertEquals("old", m.get("coverage").asText(), m.toString());
        assertTrue(m.get("currentPromiseMissing").asBoolean(), "no synthetic promise covers this year");
      } else {
        assertEquals("not-harvested", m.get("coverage").asText(), m.toString());
        assertFalse(m.has("currentPromiseMissing"), "never harvested is not known missing: " + m);
      }
    }
  }

  @Test
  void searchForACompoundFindsItsParts() throws Exception {
    long saysNarkotika = nation.pages().stream().flatMap(p -> p.promise().commitments().stream())
        .filter(c -> c.text().toLowerCase().contains("narkotika")).count();
    JsonNode r = api.json("/api/search?q=narkotikabrott&pageSize=50");
    assertTrue(saysNarkotika > 0);
    assertTrue(r.get("hydra:totalItems").asLong() >= saysNarkotika, r.get("hydra:totalItems") + " < " + saysNarkotika);
    for (JsonNode hit : r.get("hydra:member")) {
      assertTrue(hit.get("highlight").asText().toLowerCase().contains("<mark>narkotika"), hit.toString());
    }
  }

  @Test
  void searchCombinesWithFilters() throws Exception {
    String county = nation.kommuner().get(10).countyCode();
    List<JsonNode> hits = api.allMembers("/api/search?q=narkotika&county=" + county + "&year=2020&pageSize=50");
    long expected = nation.pages().stream().filter(p -> p.year() == 2020 && p.kommun().countyCode().equals(county))
        .flatMap(p -> p.promise().commitments().stream()).filter(c -> c.text().toLowerCase().contains("narkotika"))
        .count();
    assertEquals(expected, hits.size());
    hits.forEach(h -> assertTrue(h.at("/promise/municipality/0/municipalityCode").asText().startsWith(county)));
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new TreeSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
