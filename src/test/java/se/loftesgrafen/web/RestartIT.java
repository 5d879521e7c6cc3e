package se.loftesgrafen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import se.loftesgrafen.Loftesgrafen;
import se.loftesgrafen.cli.Main;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.config.ConfigLoader;
import se.loftesgrafen.config.ConfigOverrides;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.StoreException;
import se.loftesgrafen.testing.RunningService;

/**
 * Linked data that holds still (issue 11), on a real TDB2 store on disk: the service answers the same on another port
 * after a restart (IRIs are names under the base IRI, not addresses), versions survive the restart (same ETags,
 * Last-Modified, dcterms:modified, no new dump release), and a store minted under another base is refused with one
 * line until it is moved with {@code rebase}.
 */
class RestartIT {
  private static final String SELECT = "PREFIX lg: <https://w3id.org/loftesgrafen/def#>\n"
      + "SELECT ?p ?k WHERE { ?p a lg:CitizenPromise ; lg:municipality ?k } ORDER BY ?p ?k";
  private static final List<String> PATHS = List.of("/id/lofte/1492/2021", "/id/kommun/1492", "/graph/vocab",
      "/api/themes/narkotika/municipalities?year=2021", "/api/municipalities/1492/timeline");

  @TempDir
  Path store;

  /** What a client sees of the service: bodies and validators of resources, API, SPARQL, catalogue and dumps. */
  private record Seen(Map<String, String> bodies, Map<String, String> etags, Map<String, String> lastModified,
                      String sparql, String catalogModified, String catalogEtag, String release) {
  }

  /**
   * Behind one public address (service.publicUrl, as behind a proxy) the port the process listens on changes
   * nothing; without one, links clients follow (the JSON-LD context, download URLs) name the port, and so differ.
   */
  private static final Map<String, String> BEHIND_A_PROXY = Map.of("LOFTESGRAFEN_PUBLIC_URL",
      "https://data.loftesgrafen.example/");

  @Test
  void anotherPortAfterARestartGivesTheSameAnswersAndVersions() throws Exception {
    Seen first;
    int firstPort;
    try (RunningService service = RunningService.start(store, 0, BEHIND_A_PROXY)) {
      firstPort = service.service().port();
      JsonNode status = ApiClient.JSON.readTree(service.get("/harvest/status").body());
      assertEquals(1, status.get("finishedRuns").asInt(), "the start-up harvest is a run: " + status);
      assertTrue(status.at("/last/stored").asInt() >= 5, "and it shows as the last run: " + status);
      assertTrue(service.get("/metrics").body().contains("loftesgrafen_harvest_runs 1"), "counted in the metrics");
      first = see(service);
    }
    assertTrue(first.bodies().get("/id/lofte/1492/2021").contains("<https://w3id.org/loftesgrafen/id/lofte/1492/2021>"),
        "minted under the default base, not under localhost: " + first.bodies().get("/id/lofte/1492/2021"));
    List<Path> releases = releaseFolders();
    assertEquals(1, releases.size(), "one dump release: " + releases);
    String releaseJson = Files.readString(store.resolve("dumps/release.json"));

    int otherPort = freePortOtherThan(firstPort);
    try (RunningService again = RunningService.start(store, otherPort, BEHIND_A_PROXY)) {
      assertEquals(otherPort, again.service().port());
      JsonNode status = ApiClient.JSON.readTree(again.get("/harvest/status").body());
      assertEquals(0, status.get("finishedRuns").asInt(), "a store with data is not harvested again: " + status);
      Seen second = see(again);
      assertEquals(first.bodies(), second.bodies(), "the same answers on port " + otherPort);
      assertEquals(first.sparql(), second.sparql(), "the same SPARQL answer");
      assertEquals(first.etags(), second.etags(), "the same ETags after the restart");
      assertEquals(first.lastModified(), second.lastModified(), "the same Last-Modified after the restart");
      assertEquals(first.catalogModified(), second.catalogModified(), "the catalogue's dcterms:modified holds");
      assertEquals(first.catalogEtag(), second.catalogEtag(), "and so does its ETag");
      assertEquals(first.release(), second.release(), "the same dump release");
      assertEquals(304, again.get("/id/lofte/1492/2021", "Accept", "text/turtle",
          "If-None-Match", first.etags().get("/id/lofte/1492/2021")).statusCode(), "a copy from before is current");
      assertEquals(304, again.get("/datasets/dcat", "Accept", "text/turtle",
          "If-None-Match", first.catalogEtag()).statusCode(), "the catalogue has validators");
    }
    assertEquals(releases, releaseFolders(), "no new dump release after the restart");
    assertEquals(releaseJson, Files.readString(store.resolve("dumps/release.json")));
  }

  @Test
  void aStoreMintedUnderAnotherBaseIsRefusedWithOneLineUntilRebased() throws Exception {
    AppConfig local = config(Map.of("LOFTESGRAFEN_BASE_IRI", "http://localhost:8080/"));
    try (PromiseStore s = Loftesgrafen.openStore(local)) {
      Loftesgrafen.harvester(local, s, new se.loftesgrafen.graph.Iris(local.baseIri()))
          .run(se.loftesgrafen.harvest.SourcesFile.read(local.harvest().sampleSources()));
    }
    StoreException refused = org.junit.jupiter.api.Assertions.assertThrows(StoreException.class,
        () -> Loftesgrafen.openStore(config(Map.of())).close());
    String message = refused.getMessage();
    assertFalse(message.contains("\n"), message);
    assertTrue(message.contains("http://localhost:8080/") && message.contains("https://w3id.org/loftesgrafen/")
        && message.contains("rebase"), "names both bases and the way to move: " + message);

    Run validate = cli("validate", "--store", store.toString());
    assertEquals(1, validate.exit());
    assertEquals(List.of("error: " + message), validate.err().lines().toList(), "one line on stderr");
    assertThrows(() -> RunningService.start(store), message);

    Run rebase = cli("rebase", "--store", store.toString());
    assertEquals(0, rebase.exit(), rebase.err());
    assertTrue(rebase.out().contains("to https://w3id.org/loftesgrafen/"), rebase.out());
    try (RunningService service = RunningService.start(store)) {
      HttpResponse<String> promise = service.get("/id/lofte/1492/2021", "Accept", "text/turtle");
      assertEquals(200, promise.statusCode(), promise.body());
      assertFalse(promise.body().contains("localhost:8080"), promise.body());
      String graphs = service.sparql("SELECT DISTINCT ?g { GRAPH ?g { } }", "text/csv").body();
      assertFalse(graphs.contains("localhost:8080"), "graph names moved too: " + graphs);
      assertEquals(1, graphs.lines().filter(l -> l.endsWith("graph/vocab")).count(), "one vocabulary graph: " + graphs);
    }
    assertEquals(0, cli("validate", "--store", store.toString()).exit(), "the moved store passes the shapes");
  }

  @Test
  void aStoreFromBeforeTheBaseWasRecordedIsKnownByItsIris() {
    // As the service wrote stores before the base was recorded: data under the port's address, no bookkeeping.
    se.loftesgrafen.graph.Iris old = new se.loftesgrafen.graph.Iris(java.net.URI.create("http://localhost:18401/"));
    try (PromiseStore s = PromiseStore.embedded(store)) {
      org.apache.jena.rdf.model.Model m = ModelFactory.createDefaultModel();
      m.add(old.promise(List.of("1492"), "2021"), org.apache.jena.vocabulary.RDF.type, se.loftesgrafen.vocab.LG.CitizenPromise);
      s.replaceGraphs(Map.of(org.apache.jena.graph.NodeFactory.createURI(old.snapshot("https://amal.se/x", "0".repeat(64))
          .getURI()), m.getGraph()));
      assertTrue(s.baseIri().isEmpty());
    }
    StoreException refused = org.junit.jupiter.api.Assertions.assertThrows(StoreException.class,
        () -> Loftesgrafen.openStore(config(Map.of())).close());
    assertTrue(refused.getMessage().contains("minted under base IRI http://localhost:18401/"), refused.getMessage());
  }

  private static void assertThrows(org.junit.jupiter.api.function.Executable start, String message) {
    Throwable t = org.junit.jupiter.api.Assertions.assertThrows(Throwable.class, start);
    assertEquals(message, t.getMessage(), "serve refuses with the same line");
  }

  private Seen see(RunningService service) throws Exception {
    Map<String, String> bodies = new LinkedHashMap<>();
    Map<String, String> etags = new LinkedHashMap<>();
    Map<String, String> lastModified = new LinkedHashMap<>();
    for (String path : PATHS) {
      HttpResponse<String> r = service.get(path, "Accept", path.startsWith("/api") ? "application/ld+json" : "text/turtle");
      assertEquals(200, r.statusCode(), path + ": " + r.body());
      bodies.put(path, r.body());
      r.headers().firstValue("ETag").ifPresent(e -> etags.put(path, e));
      r.headers().firstValue("Last-Modified").ifPresent(e -> lastModified.put(path, e));
    }
    assertTrue(etags.containsKey("/id/lofte/1492/2021") && lastModified.containsKey("/id/lofte/1492/2021"));
    String sparql = service.sparql(SELECT, "application/sparql-results+json").body();
    assertTrue(sparql.contains("https://w3id.org/loftesgrafen/id/kommun/1492"), sparql);
    String release = waitForRelease(service);
    HttpResponse<String> dcat = service.get("/datasets/dcat", "Accept", "text/turtle");
    assertEquals(200, dcat.statusCode(), dcat.body());
    Model catalog = ModelFactory.createDefaultModel();
    RDFParser.fromString(dcat.body(), Lang.TURTLE).parse(catalog);
    String modified = catalog.listObjectsOfProperty(catalog.getResource(service.iri("/datasets/dcat#catalog")),
        DCTerms.modified).next().asLiteral().getLexicalForm();
    return new Seen(bodies, etags, lastModified, sparql, modified,
        dcat.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag on /datasets/dcat")), release);
  }

  private static String waitForRelease(RunningService service) throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < until) {
      HttpResponse<String> r = service.get("/dumps/release.json");
      if (r.statusCode() == 200) {
        JsonNode release = ApiClient.JSON.readTree(r.body());
        if (release.get("version").asLong() == service.service().store().version()) {
          return r.body();
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no dump release of the current data within a minute");
  }

  private List<Path> releaseFolders() throws Exception {
    try (var list = Files.list(store.resolve("dumps"))) {
      return list.filter(Files::isDirectory).sorted().toList();
    }
  }

  private AppConfig config(Map<String, String> environment) {
    return ConfigLoader.load(Path.of("harvest-config"),
        new ConfigOverrides(Optional.of("0"), Optional.of(store.toString()), Optional.empty(), environment));
  }

  private static int freePortOtherThan(int port) throws Exception {
    while (true) {
      try (ServerSocket socket = new ServerSocket(0)) {
        if (socket.getLocalPort() != port) {
          return socket.getLocalPort();
        }
      }
    }
  }

  record Run(int exit, String out, String err) {
  }

  static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }
}
