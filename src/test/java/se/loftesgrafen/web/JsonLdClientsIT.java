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
 * A real JSON-LD client with its defaults reads every {@code /id/...} resource of the served sample: pyld (Debian's
 * python3-pyld with python3-requests, which .ci/run installs) fetches each document and the context it names with
 * its default document loader, on a machine where the base IRI (w3id.org) does not resolve, and its triples must
 * equal those of the Turtle of the same URL. Skipped with the install hint where pyld is missing, except in CI
 * (LOFTESGRAFEN_CLIENT_TESTS=required).
 */
class JsonLdClientsIT {
  @TempDir
  static Path store;
  @TempDir
  static Path out;
  static RunningService service;

  @BeforeAll
  static void start() throws Exception {
    service = RunningService.start(store);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  /** Every subject of the sample named under {@code <base>id/}, as this service's URL. */
  private static List<String> resources() {
    String base = service.iri("/");
    List<String> urls = new ArrayList<>();
    QueryExecHTTP.service(service.uri("/sparql").toString())
        .query("SELECT DISTINCT ?s { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?s), \"" + base + "id/\")) }"
            + " ORDER BY ?s")
        .build().select().forEachRemaining(row -> {
          String iri = row.get("s").getURI();
          if (!iri.contains("#")) {
            urls.add(service.uri("/" + iri.substring(base.length())).toString());
          }
        });
    return urls;
  }

  @Test
  void pyldWithItsDefaultLoaderReadsEveryResourceAsTheTurtleSaysIt() throws Exception {
    Optional<String> python = ClientRequestsIT.pythonWith("pyld, requests");
    if (python.isEmpty()) {
      String hint = "pyld is not installed: apt-get install python3-pyld python3-requests";
      assertTrue(!"required".equals(System.getenv("LOFTESGRAFEN_CLIENT_TESTS")), hint);
      Assumptions.assumeTrue(false, hint);
    }
    List<String> urls = resources();
    assertTrue(urls.size() >= 11, "the sample's municipalities, promises, themes...: " + urls);
    Process p = new ProcessBuilder(python.get(), "src/test/resources/clients/pyld_defaults.py", out.toString())
        .redirectErrorStream(true).start();
    p.getOutputStream().write(String.join("\n", urls).getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String report = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), report);
    assertEquals(0, p.exitValue(), report);
    List<String> differ = new ArrayList<>();
    for (int n = 0; n < urls.size(); n++) {
      String url = urls.get(n);
      Path nq = out.resolve(n + ".nq");
      assertTrue(Files.exists(nq), "pyld could not read " + url + ": " + line(report, n));
      Graph fromPyld = GraphFactory.createDefaultGraph();
      RDFParser.source(nq).lang(Lang.NQUADS).parse(fromPyld);
      Graph fromTurtle = turtle(url);
      assertTrue(fromTurtle.size() > 0, url);
      if (!fromTurtle.isIsomorphicWith(fromPyld)) {
        differ.add(url + " (Turtle " + fromTurtle.size() + " triples, pyld " + fromPyld.size() + ")");
      }
    }
    assertEquals(List.of(), differ, "pyld's triples differ from the Turtle's");
  }

  private static Graph turtle(String url) throws IOException, InterruptedException {
    HttpResponse<String> r = service.get(url.substring(service.uri("").toString().length()), "Accept", "text/turtle");
    assertEquals(200, r.statusCode(), url + ": " + r.body());
    Graph g = GraphFactory.createDefaultGraph();
    RDFParser.fromString(r.body(), Lang.TURTLE).base(url).parse(g);
    return g;
  }

  private static String line(String report, int n) {
    return report.lines().filter(l -> l.matches("\\w+ " + n + "( .*)?")).findFirst().orElse(report);
  }
}
