package se.loftesgrafen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCAT;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.loftesgrafen.testing.RunningService;

/**
 * The change feed with the real LDES client (npm {@code ldes-client}, which .ci/run installs) and its defaults: it
 * replicates the whole stream from the catalogue's link, then, resuming from its saved state after a second harvest
 * that changed a page, picks up the new version and nothing it had. Skipped with the install hint where the client is
 * missing, except in CI (LOFTESGRAFEN_CLIENT_TESTS=required).
 */
class EventStreamIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "an-admin-token-for-the-stream";
  private static final Pattern VERSION = Pattern.compile("<([^>]+/id/snapshot/[^>#]+)#lofte>");
  @TempDir
  Path dir;

  @Test
  void theLdesClientReplicatesTheStreamAndPicksUpASecondHarvest() throws Exception {
    String client = ldesClient();
    Path page = dir.resolve("amal-2021.html");
    Files.copy(Path.of("harvest-config/sample/amal-2021.html"), page);
    Path sources = dir.resolve("sources.yaml");
    Files.writeString(sources, "sources:\n  - url: " + page + "\n    municipality: \"1492\"\n");
    try (RunningService service = RunningService.start(dir.resolve("store"), 0, Map.of(
        "LOFTESGRAFEN_ADMIN_TOKEN", TOKEN, "LOFTESGRAFEN_SOURCES", sources.toString()))) {
      String stream = streamFromCatalogue(service);
      assertEquals(service.uri("/ldes").toString(), stream, "the catalogue links the stream where it is served");
      long promises = Long.parseLong(JSON.readTree(service.sparql("PREFIX lg: <https://w3id.org/loftesgrafen/def#>\n"
          + "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?p a lg:CitizenPromise } }", "application/sparql-results+json")
          .body()).at("/results/bindings/0/n/value").asText());
      Path state = dir.resolve("client-state");
      Set<String> first = versions(run(client, stream, state));
      assertEquals(promises, first.size(), "one member per promise version in the store: " + first);

      harvestChanged(service, page);
      Set<String> second = versions(run(client, stream, state));
      assertEquals(1, second.size(), "only the new version, resumed from the saved state: " + second);
      assertTrue(!first.containsAll(second), "a version it had not seen: " + second);
      String snapshot = second.iterator().next();
      HttpResponse<String> described = service.get(snapshot.substring(service.iri("/").length() - 1), "Accept",
          "text/turtle");
      // the new version is the changed page's snapshot: read from the file the second harvest read, so no status
      assertTrue(described.body().contains("<" + page.toUri() + ">"), described.body());
      assertTrue(!described.body().contains("httpStatus"), described.body());
    }
  }

  /** The stream's URL, as a portal finds it: the catalogue's LDES distribution. */
  private static String streamFromCatalogue(RunningService service) throws Exception {
    Model catalogue = ModelFactory.createDefaultModel();
    RDFParser.fromString(service.get("/datasets/dcat", "Accept", "text/turtle").body(), Lang.TURTLE).parse(catalogue);
    return catalogue.listObjectsOfProperty(catalogue.getResource(service.iri("/datasets/dcat#dist-ldes")),
        DCAT.accessURL).next().asResource().getURI();
  }

  /** Changes a commitment's words on the page and runs a harvest of it (POST /admin/harvest) to its end. */
  private static void harvestChanged(RunningService service, Path page) throws Exception {
    String html = Files.readString(page, StandardCharsets.UTF_8);
    String changed = html.replaceFirst("(<li>)([^<]{20,})", "$1Polisen ska också genomföra fler trygghetsvandringar. $2");
    assertTrue(!changed.equals(html), "a list item to change");
    Files.writeString(page, changed, StandardCharsets.UTF_8);
    HttpResponse<String> started = service.http().send(HttpRequest.newBuilder(service.uri("/admin/harvest"))
        .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(202, started.statusCode(), started.body());
    String runId = JSON.readTree(started.body()).get("runId").asText();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    JsonNode status = JSON.readTree(service.get("/harvest/status").body());
    while (!status.at("/last/runId").asText().equals(runId) && System.nanoTime() < deadline) {
      Thread.sleep(200);
      status = JSON.readTree(service.get("/harvest/status").body());
    }
    assertEquals(1, status.at("/last/stored").asInt(), status.toString());
  }

  /** The version IRIs among the members the client printed. */
  private static Set<String> versions(String output) {
    Set<String> out = new TreeSet<>();
    Matcher m = VERSION.matcher(output);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** Runs the client on the stream with its defaults, saving its state in {@code state}; what it printed. */
  private static String run(String client, String stream, Path state) throws Exception {
    List<String> command = new ArrayList<>(List.of(client, "--save", state.toString(), stream));
    Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "ldes-client did not finish: " + err);
    assertEquals(0, p.exitValue(), out + err);
    return out;
  }

  private static String ldesClient() throws IOException, InterruptedException {
    for (String candidate : new String[] {"ldes-client", "/usr/bin/ldes-client", "/usr/local/bin/ldes-client"}) {
      try {
        Process p = new ProcessBuilder(candidate, "--help").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
          return candidate;
        }
      } catch (IOException e) {
        // not this one
      }
    }
    String hint = "ldes-client is not installed: npm install -g ldes-client@0.3.0";
    assertTrue(!"required".equals(System.getenv("LOFTESGRAFEN_CLIENT_TESTS")), hint);
    Assumptions.assumeTrue(false, hint);
    return "";
  }
}
