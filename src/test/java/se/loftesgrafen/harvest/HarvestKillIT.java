package se.loftesgrafen.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.loftesgrafen.Loftesgrafen;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.config.ConfigLoader;
import se.loftesgrafen.config.ConfigOverrides;
import se.loftesgrafen.extract.PromiseExtractor;
import se.loftesgrafen.extract.SourceDocument;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;

/**
 * A harvest in a child JVM ({@code loftesgrafen harvest}) is killed with SIGKILL in the middle; the store, reopened,
 * holds every page it committed, each complete; the next run continues: what is stored is not stored again.
 */
class HarvestKillIT {
  static final int PAGES = 40;
  @TempDir
  Path dir;

  @Test
  void aKilledHarvestLosesNothingCommittedAndTheNextRunContinues() throws Exception {
    try (OriginServer origin = new OriginServer(dir.resolve("empty"), List.of("kommun"))) {
      program(origin);
      Path configDir = configure(origin);
      Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
          "-cp", System.getProperty("java.class.path"), "se.loftesgrafen.cli.Main", "harvest",
          "--config", configDir.toString(), "--progress", "0")
          .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      // Killed after a third of the pages were asked for and at least one was committed (on a loaded machine the
      // child's first extraction and commit can lag its fetches by seconds).
      while ((pageRequests(origin) < PAGES / 3 || !committedOne(dir.resolve("child.log"))) && child.isAlive()
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(child.isAlive(), "the child was still harvesting: " + Files.readString(dir.resolve("child.log")));
      child.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no clean close of the store
      child.waitFor();
      int fetchedBeforeKill = pageRequests(origin);
      assertTrue(fetchedBeforeKill < PAGES, "killed in the middle, after " + fetchedBeforeKill + " pages");

      AppConfig config = ConfigLoader.load(configDir, ConfigOverrides.none());
      try (PromiseStore store = PromiseStore.embedded(config.service().store())) {
        Map<String, Integer> committed = commitmentsPerPage(store);
        assertTrue(committed.size() >= 1 && committed.size() <= fetchedBeforeKill, committed + " after "
            + fetchedBeforeKill + " pages; the child said: " + Files.readString(dir.resolve("child.log")));
        int expected = expectedCommitments();
        committed.forEach((url, n) -> assertEquals(expected, n, url + " is complete"));

        origin.clearLog();
        HarvestSummary next = Loftesgrafen.harvester(config, store, new Iris(config.baseIri()))
            .run(SourcesFile.read(config.harvest().sources()));
        Map<String, Integer> after = commitmentsPerPage(store);
        assertEquals(PAGES, after.size(), "every page stored after the second run");
        after.forEach((url, n) -> assertEquals(expected, n, url));
        assertEquals(PAGES - committed.size(), next.stored(), "what was committed is not stored again: " + next);
        assertEquals(PAGES, snapshotCount(store), "exactly one snapshot per page");
        Set<String> asked = origin.requests().stream().filter(r -> r.header("If-None-Match").isPresent())
            .map(OriginServer.Request::path).collect(Collectors.toSet());
        // Validators are remembered only after a page's commit, so a conditional request is only ever for a committed
        // page. (How many committed pages have theirs depends on where the kill fell: a group commit can land just
        // before its pages' validators are written; that what was committed is not stored again is checked above.)
        Set<String> committedPaths = committed.keySet().stream().map(u -> java.net.URI.create(u).getPath())
            .collect(Collectors.toSet());
        assertTrue(committedPaths.containsAll(asked), "conditional requests " + asked + " only for committed pages "
            + committedPaths);
      }
    }
  }

  static void program(OriginServer origin) {
    StringBuilder index = new StringBuilder("<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\">"
        + "<title>Kommunen</title></head><body><main><ul>");
    for (int i = 1; i <= PAGES; i++) {
      index.append("<li><a href=\"/trygghet/medborgarlofte-").append(i).append(".html\">Medborgarlöfte ")
          .append(i).append("</a></li>");
      int n = i;
      origin.answer("kommun", "/trygghet/medborgarlofte-" + i + ".html", (x, count) -> {
        String etag = "\"p" + n + "\"";
        x.getResponseHeaders().set("ETag", etag);
        if (etag.equals(x.getRequestHeaders().getFirst("If-None-Match"))) {
          return OriginServer.send(x, 304, "text/html", new byte[0]);
        }
        return OriginServer.send(x, 200, "text/html; charset=utf-8", page(n).getBytes(StandardCharsets.UTF_8));
      });
    }
    byte[] home = index.append("</ul></main></body></html>").toString().getBytes(StandardCharsets.UTF_8);
    origin.answer("kommun", "/", (x, count) -> OriginServer.send(x, 200, "text/html; charset=utf-8", home));
  }

  static String page(int n) {
    return """
        <!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Medborgarlöfte %1$d</title></head>
        <body><main><h1>Medborgarlöfte i Karlstad för område %1$d</h1><p>Polisen och Karlstads kommun lovar detta.</p><h2>Det här ska vi göra</h2><ul>
        <li>Polisen ska genomföra trafikkontroller i område %1$d.</li>
        <li>Kommunen ska förbättra belysningen i område %1$d.</li>
        <li>Polisen och kommunen ska hålla en trygghetsvandring i område %1$d.</li>
        </ul></main></body></html>""".formatted(n);
  }

  static int expectedCommitments() throws IOException {
    return PromiseExtractor.create(se.loftesgrafen.vocab.ThemeLexiconLoader.load()).extract(new SourceDocument("t",
        java.net.URI.create("http://127.0.0.1/"), page(1).getBytes(StandardCharsets.UTF_8),
        Optional.of("text/html; charset=utf-8"))).commitments().size();
  }

  Path configure(OriginServer origin) throws IOException {
    Path configDir = Files.createDirectories(dir.resolve("config"));
    Files.writeString(configDir.resolve("loftesgrafen.yaml"), """
        service:
          store: %s
        harvest:
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

  /** Whether the child has logged a stored page (PageRecorder logs after the commit returned). */
  static boolean committedOne(Path log) throws IOException {
    // bytes, not readString: a line being written may end inside a multi-byte character
    return new String(Files.readAllBytes(log), StandardCharsets.UTF_8).contains(": stored http");
  }

  static int pageRequests(OriginServer origin) {
    return (int) origin.requests().stream().filter(r -> r.path().startsWith("/trygghet/")).count();
  }

  static Map<String, Integer> commitmentsPerPage(PromiseStore store) {
    Map<String, Integer> counts = new TreeMap<>();
    ResultSet rows = store.query(QueryFactory.create("""
        PREFIX schema: <https://schema.org/>
        PREFIX lg: <https://w3id.org/loftesgrafen/def#>
        SELECT ?url (COUNT(?c) AS ?n) WHERE { GRAPH ?g { ?g schema:url ?url ; lg:sha256 ?sha .
          OPTIONAL { ?c a lg:Commitment } } } GROUP BY ?url"""), Duration.ofSeconds(10),
        exec -> ResultSet.adapt(exec.select()).materialise());
    rows.forEachRemaining(r -> counts.put(r.getResource("url").getURI(), r.getLiteral("n").getInt()));
    return counts;
  }

  static int snapshotCount(PromiseStore store) {
    return store.query(QueryFactory.create("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g "
        + "<https://w3id.org/loftesgrafen/def#sha256> ?s } }"), Duration.ofSeconds(10),
        exec -> ResultSet.adapt(exec.select()).next().getLiteral("n").getInt());
  }
}
