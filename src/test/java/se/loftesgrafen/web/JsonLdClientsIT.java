package se.loftesgrafen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.loftesgrafen.testing.RunningService;

/**
 * Real JSON-LD clients with their defaults read every {@code /id/...} resource of the served sample: pyld (Debian's
 * python3-pyld with python3-requests), jsonld.js and Comunica (npm {@code jsonld} and {@code @comunica/query-sparql},
 * pinned in src/test/node; .ci/run installs all three) and Jena's riot fetch each document and the context it names
 * with their default document loaders, from a service on 127.0.0.1, on a machine where the base IRI (w3id.org) does
 * not resolve, and their triples must equal those of the Turtle of the same URL. Skipped with the install hint where
 * a client is missing, except in CI (LOFTESGRAFEN_CLIENT_TESTS=required).
 */
class JsonLdClientsIT {
  @TempDir
  static Path store;
  @TempDir
  static Path out;
  static RunningService service;
  private static final String NODE_MODULES = "src/test/node/node_modules";

  @BeforeAll
  static void start() throws Exception {
    service = RunningService.start(store, Map.of("LOFTESGRAFEN_HOST", "127.0.0.1"));
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  /** A URL of the service as the clients reach it: on the loopback address it listens on. */
  private static String local(String path) {
    return "http://127.0.0.1:" + service.service().port() + path;
  }

  /** Every subject of the sample named under {@code <base>id/}, as this service's URL. */
  private static List<String> resources() {
    String base = service.iri("/");
    List<String> urls = new ArrayList<>();
    QueryExecHTTP.service(local("/sparql"))
        .query("SELECT DISTINCT ?s { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?s), \"" + base + "id/\")) }"
            + " ORDER BY ?s")
        .build().select().forEachRemaining(row -> {
          String iri = row.get("s").getURI();
          if (!iri.contains("#")) {
            urls.add(local("/" + iri.substring(base.length())));
          }
        });
    return urls;
  }

  @Test
  void pyldWithItsDefaultLoaderReadsEveryResourceAsTheTurtleSaysIt() throws Exception {
    Optional<String> python = ClientRequestsIT.pythonWith("pyld, requests");
    if (python.isEmpty()) {
      missing("pyld is not installed: apt-get install python3-pyld python3-requests");
    }
    readEveryResource("pyld", new ProcessBuilder(python.get(), "src/test/resources/clients/pyld_defaults.py",
        out.resolve("pyld").toString()));
  }

  @Test
  void jsonldJsWithItsDefaultLoaderReadsEveryResourceAsTheTurtleSaysIt() throws Exception {
    readEveryResource("jsonld.js", node("jsonld", "src/test/resources/clients/jsonld_defaults.js",
        out.resolve("jsonld.js")));
  }

  @Test
  void comunicaWithItsDefaultsReadsEveryResourceAsJsonLdAsTheTurtleSaysIt() throws Exception {
    String report = readEveryResource("Comunica", node("@comunica/query-sparql",
        "src/test/resources/clients/comunica_defaults.js", out.resolve("comunica")));
    // Comunica asks for N-Quads first and takes what the service offers; each document must have come as JSON-LD,
    // which it shows by fetching the @context the document names (a new engine per document, no shared cache).
    String context = local("/context/v1.jsonld");
    List<String> notJsonLd = report.lines().filter(l -> l.startsWith("ok ") && !l.contains(" " + context)).toList();
    assertEquals(List.of(), notJsonLd, "Comunica read these without the JSON-LD context " + context);
  }

  /**
   * Jena's parser as {@code riot --syntax=jsonld URL} uses it: default settings, its default HTTP client and
   * Titanium's default document loader for the @context (no stream manager or loader of ours), asking for JSON-LD
   * and reading the answer as JSON-LD, so a document that came in another syntax fails the parse.
   */
  @Test
  void riotReadsEveryResourceAsJsonLdAsTheTurtleSaysIt() throws Exception {
    List<String> urls = resources();
    assertTrue(urls.size() >= 11, "the sample's municipalities, promises, themes...: " + urls);
    List<String> differ = new ArrayList<>();
    for (String url : urls) {
      Graph fromRiot = GraphFactory.createDefaultGraph();
      RDFParser.source(url).acceptHeader("application/ld+json").forceLang(Lang.JSONLD).parse(fromRiot);
      Graph fromTurtle = turtle(url);
      assertTrue(fromTurtle.size() > 0, url);
      if (!fromTurtle.isIsomorphicWith(fromRiot)) {
        differ.add(url + " (Turtle " + fromTurtle.size() + " triples, riot " + fromRiot.size() + ")");
      }
    }
    assertEquals(List.of(), differ, "riot's triples differ from the Turtle's");
  }

  /**
   * Runs a client script on every resource URL (one per line on its standard input, N-Quads written to
   * {@code <its out dir>/<n>.nq}) and asserts that each gives the triples of the Turtle of the same URL; its report.
   */
  private static String readEveryResource(String client, ProcessBuilder command) throws Exception {
    List<String> urls = resources();
    assertTrue(urls.size() >= 11, "the sample's municipalities, promises, themes...: " + urls);
    Path dir = Path.of(command.command().get(command.command().size() - 1));
    Files.createDirectories(dir);
    Process p = command.redirectErrorStream(true).start();
    p.getOutputStream().write(String.join("\n", urls).getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String report = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), report);
    assertEquals(0, p.exitValue(), report);
    List<String> differ = new ArrayList<>();
    for (int n = 0; n < urls.size(); n++) {
      String url = urls.get(n);
      Path nq = dir.resolve(n + ".nq");
      assertTrue(Files.exists(nq), client + " could not read " + url + ": " + line(report, n));
      Graph fromClient = GraphFactory.createDefaultGraph();
      RDFParser.source(nq).lang(Lang.NQUADS).parse(fromClient);
      Graph fromTurtle = turtle(url);
      assertTrue(fromTurtle.size() > 0, url);
      if (!fromTurtle.isIsomorphicWith(fromClient)) {
        differ.add(url + " (Turtle " + fromTurtle.size() + " triples, " + client + " " + fromClient.size() + ")");
      }
    }
    assertEquals(List.of(), differ, client + "'s triples differ from the Turtle's");
    return report;
  }

  /**
   * {@code node SCRIPT OUT} with the npm packages of src/test/node (pinned in its package.json and lock file;
   * .ci/run installs them with {@code npm ci}) on NODE_PATH, where node and {@code module} are there.
   */
  private static ProcessBuilder node(String module, String script, Path outDir) throws Exception {
    String modules = Path.of(NODE_MODULES).toAbsolutePath().toString();
    ProcessBuilder check = new ProcessBuilder("node", "-e", "require.resolve('" + module + "')")
        .redirectErrorStream(true);
    check.environment().put("NODE_PATH", modules);
    boolean found;
    try {
      Process p = check.start();
      p.getInputStream().readAllBytes();
      found = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      found = false;
    }
    if (!found) {
      missing(module + " (npm) is not installed for Node.js: cd src/test/node && npm ci");
    }
    ProcessBuilder run = new ProcessBuilder("node", script, outDir.toString());
    run.environment().put("NODE_PATH", modules);
    return run;
  }

  /** Fails where the client tests are required (CI), skips with the install hint elsewhere. */
  private static void missing(String hint) {
    assertTrue(!"required".equals(System.getenv("LOFTESGRAFEN_CLIENT_TESTS")), hint);
    Assumptions.assumeTrue(false, hint);
  }

  private static Graph turtle(String url) throws IOException, InterruptedException {
    HttpResponse<String> r = service.get(url.substring(local("").length()), "Accept", "text/turtle");
    assertEquals(200, r.statusCode(), url + ": " + r.body());
    Graph g = GraphFactory.createDefaultGraph();
    RDFParser.fromString(r.body(), Lang.TURTLE).base(url).parse(g);
    return g;
  }

  private static String line(String report, int n) {
    return report.lines().filter(l -> l.matches("\\w+ " + n + "( .*)?")).findFirst().orElse(report);
  }
}
