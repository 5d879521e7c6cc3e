package se.loftesgrafen.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.loftesgrafen.testing.ReplicaProcess;

/**
 * {@code serve} in a child JVM is sent SIGTERM in the middle of a harvest of a loopback site: it ends without waiting
 * for the run to finish, every page it stored is complete, and after a restart {@code /harvest/status} shows that
 * run as cut off by the stop; the next run stores the rest, each page exactly once.
 */
class HarvestStopIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "stop-test-admin-token";
  @TempDir
  Path dir;

  @Test
  void sigtermEndsAHarvestAtOnceLosingNothingAndTheRestartShowsTheRun() throws Exception {
    try (OriginServer origin = new OriginServer(dir.resolve("empty"), List.of("kommun"))) {
      HarvestKillIT.program(origin);
      origin.latency(Duration.ofMillis(150));
      Path config = configure(origin);
      String runId;
      long stopMillis;
      ReplicaProcess first = ReplicaProcess.start("first", config, dir.resolve("first.log"), "512m",
          Map.of("LOFTESGRAFEN_ADMIN_TOKEN", TOKEN));
      try {
        JsonNode accepted = JSON.readTree(first.post("/admin/harvest", TOKEN).body());
        runId = accepted.path("runId").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (stored(first) < 3 && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        assertTrue(HarvestKillIT.pageRequests(origin) < HarvestKillIT.PAGES, "stopped in the middle");
        ProcessHandle process = ProcessHandle.of(first.pid()).orElseThrow();
        long start = System.nanoTime();
        process.destroy(); // SIGTERM: the shutdown hook runs
        process.onExit().get(30, TimeUnit.SECONDS);
        stopMillis = (System.nanoTime() - start) / 1_000_000;
      } finally {
        first.close();
      }
      System.out.println("SIGTERM during a harvest: the service ended after " + stopMillis + " ms");
      assertTrue(stopMillis < 5000, "ended " + stopMillis + " ms after SIGTERM:\n" + first.log());
      int requested = HarvestKillIT.pageRequests(origin);

      try (ReplicaProcess second = ReplicaProcess.start("second", config, dir.resolve("second.log"), "512m",
          Map.of("LOFTESGRAFEN_ADMIN_TOKEN", TOKEN))) {
        JsonNode last = JSON.readTree(second.get("/harvest/status").body()).path("last");
        assertEquals(runId, last.path("runId").asText(), last.toString());
        assertTrue(!last.path("running").asBoolean() && last.path("stopped").asText().contains("during the run"),
            last.toString());
        int expected = HarvestKillIT.expectedCommitments();
        Map<String, Integer> before = commitmentsPerPage(second);
        assertTrue(!before.isEmpty() && before.size() <= requested, before + " of " + requested + " requested");
        before.forEach((url, n) -> assertEquals(expected, n, url + " is complete"));

        assertEquals(202, second.post("/admin/harvest", TOKEN).statusCode());
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        JsonNode status = JSON.readTree(second.get("/harvest/status").body());
        while ((!status.path("current").isNull() || status.path("last").path("runId").asText().equals(runId))
            && System.nanoTime() < deadline) {
          Thread.sleep(200);
          status = JSON.readTree(second.get("/harvest/status").body());
        }
        Map<String, Integer> after = commitmentsPerPage(second);
        assertEquals(HarvestKillIT.PAGES, after.size(), "every page once the next run is done: " + status);
        after.forEach((url, n) -> assertEquals(expected, n, url));
        assertEquals(HarvestKillIT.PAGES - before.size(), status.path("last").path("stored").asInt(),
            "what was stored before the stop is not stored again: " + status);
        assertEquals(HarvestKillIT.PAGES, count(second, "SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g { ?g "
            + "<https://w3id.org/loftesgrafen/def#sha256> ?s } }"), "exactly one snapshot per page");
      }
    }
  }

  private static int stored(ReplicaProcess service) throws IOException, InterruptedException {
    JsonNode current = JSON.readTree(service.get("/harvest/status").body()).path("current");
    return current.isNull() ? 0 : current.path("stored").asInt();
  }

  private static Map<String, Integer> commitmentsPerPage(ReplicaProcess service) throws Exception {
    String csv = service.get("/sparql?query=" + URLEncoder.encode("""
        PREFIX schema: <https://schema.org/>
        PREFIX lg: <https://w3id.org/loftesgrafen/def#>
        SELECT ?url (COUNT(?c) AS ?n) WHERE { GRAPH ?g { ?g schema:url ?url ; lg:sha256 ?sha .
          OPTIONAL { ?c a lg:Commitment } } } GROUP BY ?url""", StandardCharsets.UTF_8), "Accept", "text/csv").body();
    Map<String, Integer> counts = new TreeMap<>();
    csv.lines().skip(1).filter(l -> !l.isBlank()).forEach(l -> {
      String[] cells = l.split(",");
      counts.put(cells[0], Integer.parseInt(cells[1].strip()));
    });
    return counts;
  }

  private static int count(ReplicaProcess service, String query) throws Exception {
    String csv = service.get("/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8), "Accept",
        "text/csv").body();
    return Integer.parseInt(csv.lines().skip(1).findFirst().orElseThrow().strip());
  }

  private Path configure(OriginServer origin) throws IOException {
    Path configDir = Files.createDirectories(dir.resolve("config"));
    Files.writeString(configDir.resolve("loftesgrafen.yaml"), """
        service:
          store: %s
          host: 127.0.0.1
        harvest:
          sampleOnEmptyStore: false
          perHostDelay: 100ms
          firstByteTimeout: 5s
          allowPrivateAddresses: true
          pagesPerHost: 100
        """.formatted(dir.resolve("store")));
    Files.writeString(configDir.resolve("sources.yaml"), """
        sources:
          - url: %s/
            discover: true
        """.formatted(origin.base("kommun")));
    return configDir;
  }
}
