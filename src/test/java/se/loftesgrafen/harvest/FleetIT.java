package se.loftesgrafen.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.testing.CountingProxy;
import se.loftesgrafen.testing.FusekiProcess;
import se.loftesgrafen.testing.Postgres;
import se.loftesgrafen.testing.ReplicaProcess;

/**
 * Two replicas of the service, each {@code loftesgrafen serve} in a child JVM, over one real Fuseki and one real
 * PostgreSQL (Quartz's clustered JDBC job store, the fleet's lease, run reports and harvest state), harvesting a
 * loopback origin: a scheduled harvest fires once across the fleet; admin triggers sent to both at the same moment
 * give one 202 and one 409; both replicas then answer alike; SIGKILL of the harvesting replica mid-run hands the run
 * to the other, which finishes it: nothing committed is lost, nothing is stored twice, and {@code validate} passes.
 * Along the way it measures what the second replica costs (printed, and noted in the README).
 */
class FleetIT {
  static final int PAGES = 30;
  static final String TOKEN = "fleet-admin-token-0123456789";
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  Path dir;
  volatile int generation = 1;

  @Test
  void twoReplicasHarvestOnceHandOverAndAnswerAlike() throws Exception {
    try (Postgres postgres = Postgres.start();
         FusekiProcess fuseki = FusekiProcess.start(dir.resolve("fuseki"), false, "512m");
         CountingProxy proxy = CountingProxy.to(fuseki.dataset());
         OriginServer origin = new OriginServer(dir.resolve("empty"), List.of("kommun"))) {
      program(origin);
      ReplicaProcess a = null;
      ReplicaProcess b = null;
      try {
        // a's schedule never fires in this test. b's fires once, at a second far enough ahead for b to be up (the
        // year included, so it never fires again): b replaces the fleet's trigger in the job store, and whichever
        // replica Quartz gives the firing runs it. (A child JVM may take a minute to start on a loaded machine,
        // hence the start time measured on a.)
        long t0 = System.nanoTime();
        a = replica("replica-a", configure("config-a", origin, fuseki, postgres, "0 0 3 1 1 ? 2099"), postgres,
            Optional.empty());
        long startup = Duration.ofNanos(System.nanoTime() - t0).toSeconds();
        ZonedDateTime fireAt = ZonedDateTime.now().plusSeconds(Math.max(25, startup * 2 + 15))
            .truncatedTo(ChronoUnit.SECONDS);
        Path config = configure("config-b", origin, fuseki, postgres, "%d %d %d %d %d ? %d".formatted(
            fireAt.getSecond(), fireAt.getMinute(), fireAt.getHour(), fireAt.getDayOfMonth(), fireAt.getMonthValue(),
            fireAt.getYear()));
        b = replica("replica-b", config, postgres, Optional.of(proxy.through(fuseki.dataset()).toString()));
        assertTrue(ZonedDateTime.now().isBefore(fireAt), "b started before its schedule fires (" + fireAt + ")");
        List<ReplicaProcess> both = List.of(a, b);

        // What a follower costs while nothing changes: its version poll.
        long idleStart = proxy.count("sparql");
        Thread.sleep(10_000);
        double idleReadsPerSecond = (proxy.count("sparql") - idleStart) / 10.0;

        // 1. The scheduled harvest fires once, on one replica.
        JsonNode scheduled = awaitFinished(both, 1, Duration.ofSeconds(240));
        assertEquals(PAGES, scheduled.get("stored").asInt(), scheduled.toString());
        assertEquals(1, scheduled.get("replicas").size(), "one replica ran it: " + scheduled);
        assertEquals(PAGES, pageRequests(origin), "every page fetched once across the fleet");
        long runsLogged = both.stream().filter(r -> logOf(r).contains("run " + scheduled.get("runId").asText()
            + ": harvesting")).count();
        assertEquals(1, runsLogged, "one replica's log has the run");
        for (ReplicaProcess r : both) {
          assertEquals(1, status(r).get("finishedRuns").asInt(), r.name() + ": one finished run in the fleet");
        }
        ReplicaProcess harvester = scheduled.get("replica").asText().equals(a.name()) ? a : b;
        ReplicaProcess follower = harvester == a ? b : a;
        long followed = followDelay(harvester, follower);

        // 2. Admin triggers at the same moment on both replicas: one 202, one 409 naming the run and its replica.
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService posters = Executors.newFixedThreadPool(2);
        List<Future<HttpResponse<String>>> posts = new ArrayList<>();
        for (ReplicaProcess r : both) {
          posts.add(posters.submit(() -> {
            go.await();
            return r.post("/admin/harvest", TOKEN);
          }));
        }
        go.countDown();
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (var f : posts) {
          answers.add(f.get());
        }
        posters.shutdown();
        List<Integer> codes = answers.stream().map(HttpResponse::statusCode).sorted().toList();
        assertEquals(List.of(202, 409), codes, answers.stream().map(HttpResponse::body).toList().toString());
        JsonNode accepted = JSON.readTree(answers.stream().filter(x -> x.statusCode() == 202).findFirst().orElseThrow()
            .body());
        JsonNode refused = JSON.readTree(answers.stream().filter(x -> x.statusCode() == 409).findFirst().orElseThrow()
            .body());
        assertEquals(accepted.get("runId").asText(), refused.get("runId").asText(), refused.toString());
        assertTrue(List.of(a.name(), b.name()).contains(refused.get("replica").asText()), refused.toString());
        JsonNode asked = awaitFinished(both, 2, Duration.ofSeconds(180));
        assertEquals(accepted.get("runId").asText(), asked.get("runId").asText());
        assertEquals(0, asked.get("stored").asInt(), "nothing changed at the origin: " + asked);

        // 3. Both replicas answer alike.
        awaitSameVersion(both, Duration.ofSeconds(30));
        String narkotika = "/api/themes/narkotika/municipalities";
        assertSame(both, narkotika, "Accept", "application/ld+json");
        assertTrue(a.get(narkotika).body().contains("1780"), "Karlstad promises action on narkotika");
        assertSame(both, "/id/kommun/1780", "Accept", "text/turtle");
        String sparql = "/sparql?query=" + URLEncoder.encode("""
            PREFIX lg: <https://w3id.org/loftesgrafen/def#>
            SELECT ?c ?theme WHERE { ?p a lg:CitizenPromise ; lg:commitment ?c . ?c lg:theme ?theme }
            ORDER BY ?c ?theme""", StandardCharsets.UTF_8);
        assertSame(both, sparql, "Accept", "text/csv");
        assertTrue(a.get(sparql, "Accept", "text/csv").body().lines().count() > PAGES, "commitments with themes");
        assertSame(both, "/harvest/status");

        // 4. The pages change; a harvest starts on a; the replica running it is killed mid-run; the other goes on.
        generation = 2;
        origin.clearLog();
        ReplicaProcess asker = a;
        long followerReadsBefore = proxy.count("sparql");
        long windowStart = System.nanoTime();
        long followerNoticedBefore = noticed(b);
        Map<Long, Long[]> seen = new ConcurrentHashMap<>();
        Thread watcher = Thread.ofVirtual().start(() -> watchVersions(both, seen));
        HttpResponse<String> started = asker.post("/admin/harvest", TOKEN);
        assertEquals(202, started.statusCode(), started.body());
        String runId = JSON.readTree(started.body()).get("runId").asText();
        JsonNode running = awaitCurrent(asker, runId, 4, Duration.ofSeconds(120));
        ReplicaProcess victim = running.get("replica").asText().equals(a.name()) ? a : b;
        ReplicaProcess survivor = victim == a ? b : a;
        long followerReads = proxy.count("sparql") - followerReadsBefore;
        double window = (System.nanoTime() - windowStart) / 1e9;
        long followerNoticed = noticed(b) - followerNoticedBefore;
        victim.kill();
        watcher.interrupt();
        Thread.sleep(1000); // an update the victim had sent in full is Fuseki's to finish
        Map<String, Integer> snapshotsAtKill;
        try (PromiseStore store = PromiseStore.remote(fuseki.dataset())) {
          snapshotsAtKill = snapshotsPerPage(store);
        }
        int committedByVictim = (int) snapshotsAtKill.values().stream().filter(n -> n == 2).count();
        assertTrue(committedByVictim >= 1 && committedByVictim < PAGES,
            "killed mid-run, after " + committedByVictim + " changed pages were committed");

        JsonNode handedOver = awaitRunFinished(survivor, runId, 3, Duration.ofSeconds(240));
        assertEquals(runId, handedOver.get("runId").asText(), "the same run, finished: " + handedOver);
        assertEquals(List.of(victim.name(), survivor.name()), replicas(handedOver), handedOver.toString());
        assertEquals(survivor.name(), handedOver.get("replica").asText());
        assertEquals(PAGES - committedByVictim, handedOver.get("stored").asInt(),
            "the survivor stores what the victim had not committed, and nothing of what it had: " + handedOver);
        assertTrue(logOf(survivor).contains("run " + runId + ": handed over to replica " + survivor.name()),
            "the survivor says so");
        try (PromiseStore store = PromiseStore.remote(fuseki.dataset())) {
          Map<String, Integer> after = snapshotsPerPage(store);
          assertEquals(PAGES, after.size());
          after.forEach((url, n) -> assertEquals(2, n, url + ": its first snapshot and one of the changed page"));
        }
        Process validate = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
            System.getProperty("java.class.path"), "se.loftesgrafen.cli.Main", "validate", "--config",
            config.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("validate.log").toFile()).start();
        assertEquals(0, validate.waitFor(), Files.readString(dir.resolve("validate.log")));

        // 5. 'loftesgrafen harvest' beside the fleet takes the fleet's lease and shared state like a replica.
        ProcessBuilder cli = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
            System.getProperty("java.class.path"), "se.loftesgrafen.cli.Main", "harvest", "--config",
            config.toString(), "--progress", "0").redirectErrorStream(true)
            .redirectOutput(dir.resolve("harvest-cli.log").toFile());
        cli.environment().putAll(Map.of("LOFTESGRAFEN_REPLICA", "cli", "LOFTESGRAFEN_CLUSTER_USER", "postgres"));
        assertEquals(0, cli.start().waitFor(), Files.readString(dir.resolve("harvest-cli.log")));
        JsonNode byCli = awaitFinished(List.of(survivor), 4, Duration.ofSeconds(60));
        assertEquals(List.of("cli"), replicas(byCli), byCli.toString());
        assertEquals(0, byCli.get("stored").asInt(), "nothing changed: " + byCli);
        assertEquals(PAGES, byCli.get("notModified").asInt(), "conditional requests from the fleet's state: " + byCli);

        // What a second replica costs, on this machine (README, "Scaling out").
        List<Long> delays = new ArrayList<>();
        seen.values().stream().filter(t -> t[0] != null && t[1] != null).forEach(t -> delays.add(Math.abs(t[1] - t[0])));
        Collections.sort(delays);
        System.out.printf("fleet: follower %s%n", victim == a ? "replica-b (behind the counting proxy)"
            : "replica-a: the reads below are of the harvesting replica, not a follower's");
        double beyondPolls = followerReads - idleReadsPerSecond * window;
        System.out.printf("fleet: follower reads on Fuseki while idle: %.1f/s; during %.1f s of the victim's run %d reads"
                + " for %d data versions noticed (%.1f per change beyond the version poll); version seen by the other replica after %s ms (median"
                + " %d, n=%d); comparison and search followed the scheduled harvest %d ms after it ended;"
                + " heap used after GC: %s%n", idleReadsPerSecond, window, followerReads, followerNoticed,
            followerNoticed == 0 ? 0.0 : beyondPolls / followerNoticed, delays.isEmpty() ? "-"
                : delays.get(0) + ".." + delays.get(delays.size() - 1),
            delays.isEmpty() ? -1 : delays.get(delays.size() / 2), delays.size(), followed, heapAfterGc(survivor));
      } finally {
        for (ReplicaProcess r : new ReplicaProcess[] {a, b}) {
          if (r != null) {
            r.close();
            Files.writeString(dir.resolve(r.name() + ".log.copy"), r.log());
          }
        }
      }
    }
  }

  ReplicaProcess replica(String name, Path config, Postgres postgres, Optional<String> store) throws Exception {
    Map<String, String> env = new TreeMap<>(Map.of("LOFTESGRAFEN_REPLICA", name,
        "LOFTESGRAFEN_STORE", dir.resolve(name).toString(), "LOFTESGRAFEN_CLUSTER_USER", "postgres",
        "LOFTESGRAFEN_ADMIN_TOKEN", TOKEN));
    // One public address for the fleet, as behind its proxy: the links in the answers are the same on every replica
    env.put("LOFTESGRAFEN_PUBLIC_URL", "http://fleet.invalid/");
    store.ifPresent(s -> env.put("LOFTESGRAFEN_REMOTE_STORE", s));
    return ReplicaProcess.start(name, config, dir.resolve(name + ".log"), "384m", env);
  }

  Path configure(String name, OriginServer origin, FusekiProcess fuseki, Postgres postgres, String cron)
      throws IOException {
    Path configDir = Files.createDirectories(dir.resolve(name));
    Files.writeString(configDir.resolve("loftesgrafen.yaml"), """
        service:
          remoteStore: %s
        harvest:
          sampleOnEmptyStore: false
          perHostDelay: 150ms
          firstByteTimeout: 5s
          allowPrivateAddresses: true
          pagesPerHost: 100
          schedule: "%s"
          warc: %s
        cluster:
          database: %s
          checkinInterval: 1s
        """.formatted(fuseki.dataset(), cron, dir.resolve("shared-warc"), postgres.jdbcUrl()));
    Files.writeString(configDir.resolve("sources.yaml"), """
        sources:
          - url: %s/
            discover: true
        """.formatted(origin.base("kommun")));
    return configDir;
  }

  void program(OriginServer origin) {
    StringBuilder index = new StringBuilder("<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\">"
        + "<title>Kommunen</title></head><body><main><ul>");
    for (int i = 1; i <= PAGES; i++) {
      index.append("<li><a href=\"/trygghet/medborgarlofte-").append(i).append(".html\">Medborgarlöfte ")
          .append(i).append("</a></li>");
      int n = i;
      origin.answer("kommun", "/trygghet/medborgarlofte-" + i + ".html", (x, count) -> {
        int g = generation;
        String etag = "\"p" + n + "-g" + g + "\"";
        x.getResponseHeaders().set("ETag", etag);
        if (etag.equals(x.getRequestHeaders().getFirst("If-None-Match"))) {
          return OriginServer.send(x, 304, "text/html", new byte[0]);
        }
        if (g > 1) {
          Thread.sleep(150); // the changed pages come slowly, so that the run is killed in its middle
        }
        return OriginServer.send(x, 200, "text/html; charset=utf-8", page(n, g).getBytes(StandardCharsets.UTF_8));
      });
    }
    byte[] home = index.append("</ul></main></body></html>").toString().getBytes(StandardCharsets.UTF_8);
    origin.answer("kommun", "/", (x, count) -> OriginServer.send(x, 200, "text/html; charset=utf-8", home));
  }

  static String page(int n, int generation) {
    return """
        <!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Medborgarlöfte %1$d</title></head>
        <body><main><h1>Medborgarlöfte i Karlstad för område %1$d</h1><p>Polisen och Karlstads kommun lovar detta.</p>
        <h2>Det här ska vi göra</h2><ul>
        <li>Polisen ska genomföra insatser mot narkotikabrott i område %1$d.</li>
        <li>Kommunen ska förbättra belysningen i område %1$d.</li>
        <li>Polisen och kommunen ska hålla %2$d trygghetsvandringar i område %1$d.</li>
        </ul></main></body></html>""".formatted(n, generation);
  }

  static int pageRequests(OriginServer origin) {
    return (int) origin.requests().stream().filter(r -> r.path().startsWith("/trygghet/")).count();
  }

  static String logOf(ReplicaProcess r) {
    try {
      return r.log();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static JsonNode status(ReplicaProcess r) throws IOException, InterruptedException {
    HttpResponse<String> s = r.get("/harvest/status");
    assertEquals(200, s.statusCode(), s.body());
    return JSON.readTree(s.body());
  }

  static List<String> replicas(JsonNode run) {
    List<String> names = new ArrayList<>();
    run.get("replicas").forEach(n -> names.add(n.asText()));
    return names;
  }

  /** Waits until the fleet has {@code runs} finished runs and none going; the last one, the same on every replica. */
  static JsonNode awaitFinished(List<ReplicaProcess> replicas, int runs, Duration limit) throws Exception {
    await(() -> replicas.stream().allMatch(r -> {
      try {
        JsonNode s = status(r);
        return s.get("finishedRuns").asInt() >= runs && s.get("current").isNull();
      } catch (IOException | InterruptedException e) {
        return false;
      }
    }), limit, () -> "fleet did not finish run " + runs + ": " + replicas.stream().map(FleetIT::logOf).toList());
    JsonNode last = status(replicas.get(0)).get("last");
    for (ReplicaProcess r : replicas) {
      JsonNode s = status(r);
      assertEquals(runs, s.get("finishedRuns").asInt(), r.name() + ": " + s);
      assertEquals(last, s.get("last"), "/harvest/status alike on " + r.name());
      assertNull(s.get("current").isNull() ? null : s.get("current"));
    }
    return last;
  }

  /**
   * Waits until run {@code runId} is the fleet's last finished run and none is going, then checks that it is run
   * number {@code runs}; its report. (Counting finished runs alone can see the count of the run a killed replica
   * held before the survivor's report of it is the last one.)
   */
  static JsonNode awaitRunFinished(ReplicaProcess r, String runId, int runs, Duration limit) throws Exception {
    await(() -> {
      try {
        JsonNode s = status(r);
        return s.get("current").isNull() && !s.get("last").isNull() && s.get("last").get("runId").asText().equals(runId);
      } catch (IOException | InterruptedException e) {
        return false;
      }
    }, limit, () -> "run " + runId + " did not finish: " + logOf(r));
    JsonNode s = status(r);
    assertEquals(runs, s.get("finishedRuns").asInt(), r.name() + ": " + s);
    return s.get("last");
  }

  /** Waits until run {@code runId} is going and has stored {@code stored} pages; its report. */
  static JsonNode awaitCurrent(ReplicaProcess r, String runId, int stored, Duration limit) throws Exception {
    JsonNode[] found = new JsonNode[1];
    await(() -> {
      try {
        JsonNode current = status(r).get("current");
        found[0] = current;
        return !current.isNull() && current.get("runId").asText().equals(runId) && current.has("stored")
            && current.get("stored").asInt() >= stored;
      } catch (IOException | InterruptedException e) {
        return false;
      }
    }, limit, () -> "run " + runId + " did not get going: " + found[0]);
    return found[0];
  }

  static void awaitSameVersion(List<ReplicaProcess> replicas, Duration limit) throws Exception {
    await(() -> replicas.stream().map(FleetIT::version).distinct().count() == 1, limit,
        () -> "versions differ: " + replicas.stream().map(FleetIT::version).toList());
  }

  static long version(ReplicaProcess r) {
    try {
      return JSON.readTree(r.get("/ready").body()).get("dataVersion").asLong();
    } catch (IOException | InterruptedException e) {
      return -1;
    }
  }

  static long noticed(ReplicaProcess r) {
    return metric(r, "loftesgrafen_data_versions_noticed");
  }

  static long metric(ReplicaProcess r, String name) {
    try {
      return r.get("/metrics").body().lines().filter(l -> l.startsWith(name + " "))
          .map(l -> (long) Double.parseDouble(l.substring(l.indexOf(' ') + 1).trim())).findFirst().orElse(-1L);
    } catch (IOException | InterruptedException e) {
      return -1;
    }
  }

  /**
   * How long after the harvesting replica answered with the harvest's data the other one answers alike: the
   * comparison view and the search index, rebuilt from the store when it noticed the new version.
   */
  static long followDelay(ReplicaProcess harvester, ReplicaProcess follower) throws Exception {
    String overview = "/api/themes/narkotika/municipalities";
    String search = "/api/search?q=narkotikabrott";
    long start = System.nanoTime();
    String expectedOverview = harvester.get(overview).body();
    String expectedSearch = harvester.get(search).body();
    await(() -> {
      try {
        return follower.get(overview).body().equals(expectedOverview) && follower.get(search).body()
            .equals(expectedSearch);
      } catch (IOException | InterruptedException e) {
        return false;
      }
    }, Duration.ofSeconds(60), () -> "the follower did not follow");
    assertTrue(expectedSearch.contains("narkotikabrott"), expectedSearch);
    return Duration.ofNanos(System.nanoTime() - start).toMillis();
  }

  static void assertSame(List<ReplicaProcess> replicas, String path, String... headers) throws Exception {
    HttpResponse<String> first = replicas.get(0).get(path, headers);
    assertEquals(200, first.statusCode(), path + ": " + first.body());
    for (ReplicaProcess r : replicas.subList(1, replicas.size())) {
      HttpResponse<String> other = r.get(path, headers);
      assertEquals(200, other.statusCode(), path + " on " + r.name());
      assertEquals(first.body(), other.body(), path + " alike on every replica");
      assertEquals(first.headers().firstValue("ETag"), other.headers().firstValue("ETag"), path + " ETag");
    }
  }

  /**
   * Records when each replica first served each data version: [first replica, second replica]. From /metrics, which
   * reads the version from memory (/ready would probe the store and add reads to what is measured).
   */
  static void watchVersions(List<ReplicaProcess> replicas, Map<Long, Long[]> seen) {
    while (!Thread.currentThread().isInterrupted()) {
      for (int i = 0; i < replicas.size(); i++) {
        long v = metric(replicas.get(i), "loftesgrafen_data_version");
        if (v > 0) {
          int at = i;
          seen.computeIfAbsent(v, k -> new Long[2]);
          seen.computeIfPresent(v, (k, t) -> {
            if (t[at] == null) {
              t[at] = System.currentTimeMillis();
            }
            return t;
          });
        }
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  static String heapAfterGc(ReplicaProcess r) throws Exception {
    Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
    new ProcessBuilder(jcmd.toString(), String.valueOf(r.pid()), "GC.run").redirectErrorStream(true).start().waitFor();
    Process info = new ProcessBuilder(jcmd.toString(), String.valueOf(r.pid()), "GC.heap_info").redirectErrorStream(true)
        .start();
    String text = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    info.waitFor();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(text);
    String rss = Files.readAllLines(Path.of("/proc/" + r.pid() + "/status")).stream()
        .filter(l -> l.startsWith("VmRSS")).findFirst().orElse("VmRSS ?").replaceAll("\\s+", " ");
    return (m.find() ? Long.parseLong(m.group(1)) / 1024 + " MB" : "?") + " (" + rss + ")";
  }

  static Map<String, Integer> snapshotsPerPage(PromiseStore store) {
    Map<String, Integer> counts = new TreeMap<>();
    ResultSet rows = store.query(QueryFactory.create("""
        PREFIX schema: <https://schema.org/>
        PREFIX lg: <https://w3id.org/loftesgrafen/def#>
        SELECT ?url (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g schema:url ?url ; lg:sha256 ?sha } }
        GROUP BY ?url"""), Duration.ofSeconds(30), exec -> ResultSet.adapt(exec.select()).materialise());
    rows.forEachRemaining(r -> counts.put(r.getResource("url").getURI(), r.getLiteral("n").getInt()));
    return counts;
  }

  static void await(BooleanSupplier condition, Duration limit, java.util.function.Supplier<String> failure)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(failure.get());
      }
      Thread.sleep(250);
    }
  }
}
