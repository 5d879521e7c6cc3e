package se.loftesgrafen.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SchemaDO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import se.loftesgrafen.Loftesgrafen;
import se.loftesgrafen.cli.Main;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.config.ConfigLoader;
import se.loftesgrafen.config.ConfigOverrides;
import se.loftesgrafen.extract.PromiseExtractor;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.vocab.LG;
import se.loftesgrafen.vocab.PROV;
import se.loftesgrafen.vocab.ShapesValidator;
import se.loftesgrafen.vocab.ThemeLexiconLoader;

/**
 * Re-extraction on a real store: the bundled sample (harvest-config/sample, five pages and two PDFs) served over
 * HTTP on loopback and harvested into TDB2 on disk, with its WARC files; then {@code reextract} with the same
 * extractor (nothing changes, nothing is written), over graphs altered to look like an older extractor's (those are
 * replaced, the rest untouched), and with WARC evidence missing (reported, old graphs kept).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReextractIT {
  static final List<String> PAGES = List.of("amal-2021.html", "amal-2021.pdf", "almhult-2022.html",
      "askersund-2020.html", "karlstad-2016.html", "karlstad-2016.pdf", "dals-ed-2021.html");
  static final String OLD_VERSION = "0.9.0";

  @TempDir
  static Path dir;
  static OriginServer origin;
  static AppConfig config;
  static Path configDir;
  static PromiseStore store;
  static Iris iris;
  static PromiseExtractor extractor;
  static Map<String, Graph> harvested;

  @BeforeAll
  static void harvest() throws IOException {
    origin = new OriginServer(Path.of("harvest-config"), List.of("sample"));
    configDir = Files.createDirectories(dir.resolve("config"));
    Files.writeString(configDir.resolve("loftesgrafen.yaml"), """
        service:
          store: %s
        harvest:
          perHostDelay: 10ms
          allowPrivateAddresses: true
        """.formatted(dir.resolve("store")));
    StringBuilder sources = new StringBuilder("sources:\n");
    PAGES.forEach(p -> sources.append("  - url: ").append(origin.url("sample", "/" + p)).append('\n'));
    Files.writeString(configDir.resolve("sources.yaml"), sources);
    config = ConfigLoader.load(configDir, ConfigOverrides.none());
    store = PromiseStore.embedded(config.service().store());
    iris = new Iris(config.baseIri());
    HarvestSummary summary = Loftesgrafen.harvester(config, store, iris)
        .run(SourcesFile.read(config.harvest().sources()));
    assertEquals(PAGES.size(), summary.stored(), summary.failed().toString());
    extractor = PromiseExtractor.create(ThemeLexiconLoader.load());
    harvested = graphs();
    assertEquals(PAGES.size(), harvested.size());
  }

  @AfterAll
  static void stop() {
    if (store != null) {
      store.close();
    }
    origin.close();
  }

  @Test
  @Order(1)
  void theSameExtractorChangesNothingAndWritesNothing() {
    long version = store.version();
    ReextractSummary s = reextractor(PromiseExtractor.VERSION).run(false);
    assertEquals(PAGES.size(), s.snapshots());
    assertEquals(PAGES.size(), s.read());
    assertEquals(PAGES.size(), s.unchanged());
    assertEquals(List.of(), s.changed());
    assertEquals(List.of(), s.failed());
    assertTrue(s.succeeded());
    assertEquals(version, store.version(), "an unchanged re-extraction must not write");
    assertSameGraphs(harvested, graphs());
  }

  @Test
  @Order(2)
  void aNewVersionThatSaysTheSameLeavesTheGraphsAsTheyAre() {
    ReextractSummary s = reextractor("1.0.1-same-results").run(false);
    assertEquals(PAGES.size(), s.unchanged());
    assertEquals(List.of(), s.changed());
    assertSameGraphs(harvested, graphs());
  }

  @Test
  @Order(3)
  void graphsOfAnOlderExtractorAreReplacedAndTheOthersUntouched() {
    String amal = snapshotOf("amal-2021.html");
    String karlstadPdf = snapshotOf("karlstad-2016.pdf");
    Graph original = harvested.get(amal);
    int commitments = commitments(original).size();
    assertTrue(commitments >= 2, "the Åmål page has commitments");
    // An older extractor: it missed one commitment on the Åmål page and found nothing in the Karlstad PDF.
    Graph older = olderExtraction(original, commitments(original).get(0));
    Graph nothing = provenanceOnly(harvested.get(karlstadPdf), karlstadPdf);
    store.replaceGraphs(Map.of(NodeFactory.createURI(amal), older, NodeFactory.createURI(karlstadPdf), nothing));
    Map<String, Graph> altered = graphs();

    long version = store.version();
    ReextractSummary dry = reextractor(PromiseExtractor.VERSION).run(true);
    assertTrue(dry.dryRun());
    assertEquals(Set.of(amal, karlstadPdf), snapshots(dry.changed()));
    assertEquals(version, store.version(), "a dry run must not write");
    assertSameGraphs(altered, graphs());

    ReextractSummary s = reextractor(PromiseExtractor.VERSION).run(false);
    assertEquals(PAGES.size(), s.read());
    assertEquals(PAGES.size() - 2, s.unchanged());
    assertEquals(List.of(), s.failed());
    ReextractSummary.Change amalChange = change(s, amal);
    assertEquals(commitments - 1, amalChange.commitmentsBefore());
    assertEquals(commitments, amalChange.commitmentsAfter());
    assertEquals(List.of(OLD_VERSION), amalChange.versionsBefore());
    ReextractSummary.Change pdfChange = change(s, karlstadPdf);
    assertEquals(0, pdfChange.commitmentsBefore());
    assertEquals(commitments(harvested.get(karlstadPdf)).size(), pdfChange.commitmentsAfter());

    Map<String, Graph> after = graphs();
    for (String name : List.of(amal, karlstadPdf)) {
      Graph g = after.get(name);
      Node snapshot = NodeFactory.createURI(name);
      assertReextracted(g, snapshot, harvested.get(name));
      assertTrue(ShapesValidator.create(iris.base()).validate(g).conforms(), name + " passes the shapes");
    }
    Map<String, Graph> others = new TreeMap<>(harvested);
    others.keySet().removeAll(Set.of(amal, karlstadPdf));
    Map<String, Graph> othersAfter = new TreeMap<>(after);
    othersAfter.keySet().removeAll(Set.of(amal, karlstadPdf));
    assertSameGraphs(others, othersAfter);

    // Run again: the replaced graphs now say what the extractor says.
    long written = store.version();
    ReextractSummary again = reextractor(PromiseExtractor.VERSION).run(false);
    assertEquals(PAGES.size(), again.unchanged());
    assertEquals(written, store.version());
  }

  @Test
  @Order(4)
  void missingEvidenceIsReportedAndTheOldGraphKept() throws IOException {
    String dalsEd = snapshotOf("dals-ed-2021.html");
    Graph lost = GraphFactory.createDefaultGraph();
    harvested.get(dalsEd).find().forEachRemaining(t -> lost.add(t.getPredicate().equals(LG.warcRecord.asNode())
        ? Triple.create(t.getSubject(), t.getPredicate(),
            NodeFactory.createURI("urn:uuid:00000000-0000-4000-8000-000000000000"))
        : t));
    store.replaceGraphs(Map.of(NodeFactory.createURI(dalsEd), lost));
    Map<String, Graph> before = graphs();

    ReextractSummary s = reextractor(PromiseExtractor.VERSION).run(false);
    assertEquals(1, s.failed().size(), s.failed().toString());
    assertTrue(s.failed().get(0).reason().contains("urn:uuid:00000000-0000-4000-8000-000000000000"),
        s.failed().get(0).reason());
    assertTrue(s.failed().get(0).reason().contains("not found"), s.failed().get(0).reason());
    assertEquals(PAGES.size() - 1, s.read());
    assertTrue(s.succeeded());
    assertSameGraphs(before, graphs());

    Path warc = config.service().store().resolve("warc");
    Path elsewhere = Files.createDirectories(dir.resolve("moved-warc"));
    List<Path> files;
    try (Stream<Path> list = Files.list(warc)) {
      files = list.toList();
    }
    for (Path f : files) {
      Files.move(f, elsewhere.resolve(f.getFileName()));
    }
    ReextractSummary missing = reextractor(PromiseExtractor.VERSION).run(false);
    assertEquals(0, missing.read());
    assertEquals(PAGES.size(), missing.failed().size());
    assertTrue(missing.failed().stream().allMatch(f -> f.reason().startsWith("WARC file ")
        && f.reason().contains("not found")), missing.failed().toString());
    assertFalse(missing.succeeded(), "nothing could be read back");
    assertSameGraphs(before, graphs());

    ReextractSummary found = new Reextractor(extractor, PromiseExtractor.VERSION, store, iris,
        List.of(warc, elsewhere)).run(false);
    assertEquals(PAGES.size() - 1, found.read(), "the WARC files are found in another folder");
    for (Path f : files) {
      Files.move(elsewhere.resolve(f.getFileName()), f);
    }

    // A WARC file cut short: what was read before the cut is re-extracted, the rest is reported; an I/O failure.
    Path file = files.get(0);
    byte[] whole = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
    try {
      ReextractSummary cut = reextractor(PromiseExtractor.VERSION).run(false);
      assertTrue(cut.ioFailure());
      assertFalse(cut.succeeded());
      assertTrue(cut.read() < PAGES.size() - 1, "records after the cut are not read: " + cut.read());
      assertEquals(PAGES.size() - cut.read(), cut.failed().size());
      assertTrue(cut.failed().stream().anyMatch(f -> f.reason().contains("unreadable WARC file")), cut.failed().toString());
      assertSameGraphs(before, graphs());
    } finally {
      Files.write(file, whole);
    }
  }

  @Test
  @Order(5)
  void theCommandPrintsTheSummaryAndExitsNonZeroWhenNothingCanBeRead() throws IOException {
    store.close();
    store = null;
    Path storeDir = config.service().store();
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    int code = cl.execute("reextract", "--config", configDir.toString(), "--store", storeDir.toString(), "--dry-run");
    assertEquals(0, code, out.toString());
    assertTrue(out.toString().contains("(dry run, nothing written): " + PAGES.size() + " snapshots, "
        + (PAGES.size() - 1) + " read, " + (PAGES.size() - 1) + " unchanged, 0 would change, 1 failed"), out.toString());
    assertTrue(out.toString().contains("failed (old graph kept):"), out.toString());

    Path empty = Files.createDirectories(dir.resolve("empty-warc-store"));
    Files.move(storeDir.resolve("warc"), empty.resolve("warc"));
    StringWriter out2 = new StringWriter();
    CommandLine cl2 = Main.commandLine();
    cl2.setOut(new PrintWriter(out2));
    assertEquals(1, cl2.execute("reextract", "--config", configDir.toString(), "--store", storeDir.toString()),
        out2.toString());
    assertTrue(out2.toString().contains("0 read"), out2.toString());
  }

  // --- helpers

  static Reextractor reextractor(String version) {
    return new Reextractor(extractor, version, store, iris, List.of(config.service().store().resolve("warc")));
  }

  /** Every named graph but the vocabulary's, by name. */
  static Map<String, Graph> graphs() {
    DatasetGraph copy = DatasetGraphFactory.createTxnMem();
    store.export(StreamRDFLib.dataset(copy));
    Map<String, Graph> out = new TreeMap<>();
    copy.listGraphNodes().forEachRemaining(n -> {
      if (!n.getURI().equals(iris.vocabularyGraph().getURI())) {
        Graph g = GraphFactory.createDefaultGraph();
        copy.getGraph(n).find().forEachRemaining(g::add);
        out.put(n.getURI(), g);
      }
    });
    return out;
  }

  static void assertSameGraphs(Map<String, Graph> expected, Map<String, Graph> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((name, g) -> assertTrue(g.isIsomorphicWith(actual.get(name)), name + " is untouched"));
  }

  static String snapshotOf(String page) {
    String url = origin.url("sample", "/" + page).toString();
    return harvested.entrySet().stream()
        .filter(e -> e.getValue().contains(NodeFactory.createURI(e.getKey()), SchemaDO.url.asNode(),
            NodeFactory.createURI(url)))
        .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("no snapshot of " + url));
  }

  static List<Node> commitments(Graph g) {
    return g.find(Node.ANY, RDF.type.asNode(), LG.Commitment.asNode()).mapWith(Triple::getSubject).toList();
  }

  /** The graph without one commitment (and what hangs off it), every extractor version set to the old one. */
  static Graph olderExtraction(Graph g, Node dropped) {
    Set<Node> gone = new HashSet<>(List.of(dropped));
    g.find(dropped, LG.target.asNode(), Node.ANY).mapWith(Triple::getObject).forEach(gone::add);
    Graph out = GraphFactory.createDefaultGraph();
    g.find().forEachRemaining(t -> {
      if (gone.contains(t.getSubject()) || gone.contains(t.getObject())) {
        return;
      }
      out.add(t.getPredicate().equals(LG.extractorVersion.asNode())
          ? Triple.create(t.getSubject(), t.getPredicate(), NodeFactory.createLiteralString(OLD_VERSION)) : t);
    });
    return out;
  }

  /** Only what the harvest recorded about the snapshot and its run. */
  static Graph provenanceOnly(Graph g, String snapshot) {
    Node s = NodeFactory.createURI(snapshot);
    Set<Node> keep = new HashSet<>(List.of(s));
    g.find(s, PROV.wasGeneratedBy.asNode(), Node.ANY).mapWith(Triple::getObject).forEach(keep::add);
    Graph out = GraphFactory.createDefaultGraph();
    g.find().filterKeep(t -> keep.contains(t.getSubject())).forEachRemaining(out::add);
    return out;
  }

  static Set<String> snapshots(List<ReextractSummary.Change> changes) {
    Set<String> out = new HashSet<>();
    changes.forEach(c -> out.add(c.snapshot()));
    return out;
  }

  static ReextractSummary.Change change(ReextractSummary s, String snapshot) {
    return s.changed().stream().filter(c -> c.snapshot().equals(snapshot)).findFirst()
        .orElseThrow(() -> new AssertionError(snapshot + " not among the changed: " + s.changed()));
  }

  /**
   * A replaced graph: the harvest's provenance as it was (fetch time, hash, WARC file and record, run), the
   * harvested extraction again, and a re-extraction activity naming the current extractor version.
   */
  static void assertReextracted(Graph g, Node snapshot, Graph harvestedGraph) {
    for (var p : List.of(PROV.generatedAtTime, LG.sha256, LG.warcRecord, LG.warcFile, PROV.wasGeneratedBy,
        SchemaDO.url)) {
      assertEquals(harvestedGraph.find(snapshot, p.asNode(), Node.ANY).toSet(),
          g.find(snapshot, p.asNode(), Node.ANY).toSet(), "provenance kept: " + p);
    }
    List<Node> activities = g.find(Node.ANY, PROV.used.asNode(), snapshot).mapWith(Triple::getSubject).toList();
    assertEquals(1, activities.size(), "one re-extraction activity used the snapshot");
    Node activity = activities.get(0);
    assertTrue(g.contains(activity, RDF.type.asNode(), PROV.Activity.asNode()));
    assertTrue(g.contains(activity, PROV.startedAtTime.asNode(), Node.ANY), "re-extraction time");
    Node agent = g.find(activity, PROV.wasAssociatedWith.asNode(), Node.ANY).next().getObject();
    assertTrue(g.contains(agent, SchemaDO.softwareVersion.asNode(),
        NodeFactory.createLiteralString(PromiseExtractor.VERSION)), "the activity names the extractor version");
    Node promise = g.find(Node.ANY, RDF.type.asNode(), LG.CitizenPromise.asNode()).next().getSubject();
    assertTrue(g.contains(promise, PROV.wasGeneratedBy.asNode(), activity));
    for (Node c : commitments(g)) {
      assertEquals(Set.of(NodeFactory.createLiteralString(PromiseExtractor.VERSION)),
          g.find(c, LG.extractorVersion.asNode(), Node.ANY).mapWith(Triple::getObject).toSet());
    }
    assertEquals(new HashSet<>(commitments(harvestedGraph)), new HashSet<>(commitments(g)),
        "the same commitment IRIs as the harvest minted");
    Graph withoutActivity = GraphFactory.createDefaultGraph();
    g.find().forEachRemaining(t -> {
      if (!t.getSubject().equals(activity) && !t.getSubject().equals(agent) && !t.getObject().equals(activity)) {
        withoutActivity.add(t);
      }
    });
    assertTrue(harvestedGraph.isIsomorphicWith(withoutActivity),
        "apart from the activity, the graph is what the harvest stored");
  }
}
