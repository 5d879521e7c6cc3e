package se.loftesgrafen.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.config.ConfigLoader;
import se.loftesgrafen.config.ConfigOverrides;
import se.loftesgrafen.testing.ReplicaProcess;
import se.loftesgrafen.testing.RunningService;
import se.loftesgrafen.testing.SyntheticNation;

/**
 * A bounded load-and-abuse run (issue 14): our service in a JVM of its own on 127.0.0.1 (port 0, the national
 * synthetic graph in TDB2 on disk, the bundled configuration's limits) under {@code connections} clients of
 * ordinary reads, while the hostile requests of issue 14 ({@link AbusiveClients}) go on beside them and a probe
 * asks /health five times a second. Prints the ordinary reads' count, errors, req/s, p50 and p99 (by kind too),
 * what each abusive kind got back, /health's slowest answer, and the service's heap after GC (jcmd) before and after
 * the measured turn. Exits 1 when an ordinary read failed. Not a test:
 * {@code mvn -Pbenchmark-abuse verify [-Dbenchmark.seconds=60] [-Dbenchmark.connections=64]}.
 *
 * <p>Before the measured turn every resource is fetched once in JSON-LD and in Turtle, the SPARQL answer cache is
 * filled to its bound with 60 KB query texts (where the distinct-query abuse keeps it: a minute of it fills only a
 * quarter), a shorter turn of the whole mix runs and the worker pools fall quiet (the comparison answers a start
 * warms), so that the heap at the start holds what the service keeps under this load: what grows after that is what
 * the abuse leaves behind.
 */
public final class AbuseBenchmark {
  private static final String SAMPLE_SOURCES = Path.of("harvest-config/sample/sources.yaml").toAbsolutePath()
      .toString();

  private AbuseBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int connections = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    String heap = args.length > 2 ? args[2] : "512m";
    Path work = Files.createTempDirectory("loftesgrafen-abuse");
    // -Dbenchmark.store=DIR keeps the loaded national graph for the next run (loading it takes a minute or two)
    Path store = Optional.ofNullable(System.getProperty("benchmark.store")).filter(s -> !s.isBlank()).map(Path::of)
        .orElse(work.resolve("store"));
    SyntheticNation nation = SyntheticNation.national();
    List<String> resources;
    Map<String, String> loopbackOnly = Map.of("LOFTESGRAFEN_HOST", "127.0.0.1", "LOFTESGRAFEN_SOURCES", SAMPLE_SOURCES);
    try (RunningService loader = RunningService.start(store, loopbackOnly)) {
      resources = resources(loader, nation);
      if (resources.size() < nation.kommuner().size() + nation.pages().size()) {
        nation.load(loader.service().store(), loader.service().iris(), nation.pages().size());
        resources = resources(loader, nation);
      }
    }
    Map<String, String> environment = new java.util.HashMap<>(loopbackOnly);
    environment.put("LOFTESGRAFEN_LOG_LEVEL", "WARN"); // the access log of a hundred thousand requests is no use here
    int exit;
    Path gcLog = work.resolve("gc.log");
    try (ReplicaProcess service = ReplicaProcess.start("service", List.of("-Xlog:gc:file=" + gcLog + ":uptime"),
        List.of("--config", "harvest-config", "--store", store.toString(), "--port", "0"), work.resolve("service.log"),
        heap, environment)) {
      OrdinaryReads normal = new OrdinaryReads(service, nation, resources);
      System.out.printf(Locale.ROOT, "%s, %d-core machine, load average %s%n", LocalDate.now(),
          Runtime.getRuntime().availableProcessors(), loadAverage());
      AppConfig.ServiceConfig limits = ConfigLoader.load(Path.of("harvest-config"), ConfigOverrides.none()).service();
      System.out.printf(Locale.ROOT, "national synthetic graph: %d pages, %d resources; our service -Xmx%s on %s"
          + " (pid %d); the bundled limits: %d query threads and %d waiting per pool, SPARQL %d s, write timeout %d s,"
          + " idle timeout %d s%n", nation.pages().size(), resources.size(), heap, service.uri("/"), service.pid(),
          limits.limits().queryThreads(), limits.limits().queryQueue(), limits.sparqlTimeout().toSeconds(),
          limits.limits().writeTimeout().toSeconds(), limits.limits().idleTimeout().toSeconds());
      long firstPass = System.nanoTime();
      OrdinaryReads.Reads first = normal.run(connections, normal.firstPassSize(), Long.MAX_VALUE, normal::firstPass);
      System.out.printf(Locale.ROOT, "warm-up: every resource as JSON-LD and Turtle, the hot comparison calls and"
          + " small queries once (%d requests, %d errors%s, %.0f s)%n", first.count(), first.errors(),
          first.firstError() == null ? "" : ", first: " + first.firstError(), (System.nanoTime() - firstPass) / 1e9);
      int filled = fillQueryCache(service);
      System.out.printf(Locale.ROOT, "warm-up: the SPARQL answer cache filled with %d distinct 60 KB query texts to"
          + " %.1f MB of its 64 MB bound (where the 60 KB abuse keeps it)%n", filled, queryCacheBytes(service) / 1048576.0);
      int warmSeconds = Math.max(5, Math.min(20, seconds / 3));
      Turn warm = Turn.run(warmSeconds, connections, normal, service);
      System.out.printf(Locale.ROOT, "warm-up turn of the whole mix, %d s: %d ordinary reads, %d errors%s%n",
          warmSeconds, warm.reads().count(), warm.reads().errors(),
          warm.reads().firstError() == null ? "" : " (first: " + warm.reads().firstError() + ")");
      awaitQuiet(service);
      long heapStart = service.heapUsedAfterGc(gcLog);
      Map<String, Long> classesStart = service.classHistogram();
      long cacheStart = queryCacheBytes(service);
      System.out.printf(Locale.ROOT, "heap used after GC at the start: %.1f MB%n", heapStart / 1048576.0);

      long gcFrom = Files.size(gcLog);
      Turn measured = Turn.run(seconds, connections, normal, service);
      String gcDuring = Files.readString(gcLog).substring((int) gcFrom);
      long heapEnd = service.heapUsedAfterGc(gcLog);
      Map<String, Long> classesEnd = service.classHistogram();
      long cacheEnd = queryCacheBytes(service);
      print(measured, connections, seconds);
      System.out.println(gcPauses(gcDuring));
      System.out.printf(Locale.ROOT, "heap used after GC: start %.1f MB, end %.1f MB, end/start %.3f (target: within"
          + " 10 %%)%n", heapStart / 1048576.0, heapEnd / 1048576.0, (double) heapEnd / heapStart);
      long liveStart = classesStart.values().stream().mapToLong(Long::longValue).sum();
      long liveEnd = classesEnd.values().stream().mapToLong(Long::longValue).sum();
      System.out.printf(Locale.ROOT, "  live objects after GC (jcmd GC.class_histogram): start %.1f MB, end %.1f MB,"
          + " end/start %.3f ('used' also counts whole G1 regions that large objects hold)%n",
          liveStart / 1048576.0, liveEnd / 1048576.0, (double) liveEnd / liveStart);
      System.out.printf(Locale.ROOT, "  SPARQL answer cache (bounded at 64 MB, query texts counted at 2 bytes a"
          + " character): %.1f MB at the start, %.1f MB at the end%n", cacheStart / 1048576.0, cacheEnd / 1048576.0);
      System.out.println("  grown most (live bytes by class, end minus start): " + growth(classesStart, classesEnd));
      long serviceErrors = service.log().lines().filter(l -> l.contains(" ERROR ")).count();
      System.out.printf(Locale.ROOT, "service log: %d ERROR lines (a 500 is logged there); load average after: %s%n",
          serviceErrors, loadAverage());
      service.log().lines().filter(l -> l.contains(" ERROR ")).limit(5).forEach(l -> System.out.println("  " + l));
      exit = measured.reads().errors() == 0 ? 0 : 1;
    }
    if (store.startsWith(work)) { // the national graph takes 260 MB; the logs stay
      try (java.util.stream.Stream<Path> files = Files.walk(store)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
    System.out.println("the service's log and GC log: " + work);
    System.exit(exit);
  }

  /** One turn: ordinary reads, the abuse and the /health probe, together for {@code seconds}. */
  record Turn(OrdinaryReads.Reads reads, List<String> abuse, int internalHits, long[] healthNanos, int healthFailures) {
    static Turn run(int seconds, int connections, OrdinaryReads normal, ReplicaProcess service) throws Exception {
      long deadline = System.nanoTime() + seconds * 1_000_000_000L;
      try (AbusiveClients abuse = new AbusiveClients(service.uri("/"))) {
        Thread abusers = Thread.ofPlatform().name("abusers").start(() -> {
          try {
            abuse.run(deadline);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
        OrdinaryReads.HealthProbe health = new OrdinaryReads.HealthProbe(service.uri("/health"), deadline);
        Thread probe = Thread.ofPlatform().name("health-probe").start(health);
        OrdinaryReads.Reads reads = normal.run(connections, Integer.MAX_VALUE, deadline, normal::mixed);
        abusers.join();
        probe.join();
        return new Turn(reads, abuse.report(), abuse.internalHits(), health.nanos(), health.failures.get());
      }
    }
  }

  private static void print(Turn t, int connections, int seconds) {
    OrdinaryReads.Reads r = t.reads();
    long[] all = r.all();
    System.out.println();
    System.out.printf(Locale.ROOT, "ordinary reads, %d connections, %d s, beside the abuse: %d requests, %d errors,"
        + " %.1f req/s, p50 %.2f ms, p99 %.2f ms%s%n", connections, seconds, r.count() + r.errors(), r.errors(),
        r.count() / r.seconds(), percentile(all, 0.5), percentile(all, 0.99),
        r.firstError() == null ? "" : " (first error: " + r.firstError() + ")");
    r.nanos().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      long[] sorted = e.getValue().clone();
      Arrays.sort(sorted);
      System.out.printf(Locale.ROOT, "  %-28s %7d  p50 %8.2f ms  p99 %8.2f ms  errors %d%n", e.getKey(),
          sorted.length, percentile(sorted, 0.5), percentile(sorted, 0.99), r.errorsByKind().getOrDefault(e.getKey(), 0));
    });
    long[] health = t.healthNanos().clone();
    Arrays.sort(health);
    System.out.printf(Locale.ROOT, "/health probe (every 200 ms, own connection): %d answers, p50 %.2f ms, max %.2f ms,"
        + " %d over 1 s, %d failed%n", health.length, percentile(health, 0.5),
        health.length == 0 ? Double.NaN : health[health.length - 1] / 1e6,
        Arrays.stream(health).filter(n -> n > 1_000_000_000L).count(), t.healthFailures());
    System.out.println("abusive requests, by kind: clients, then what came back (status code or connection fate):");
    t.abuse().forEach(l -> System.out.println("  " + l));
    System.out.printf(Locale.ROOT, "requests that reached the 'internal' server through SERVICE: %d%n", t.internalHits());
  }

  /**
   * Waits (up to two minutes) until no request runs or waits on the service's worker pools: the background work a
   * start sets off (the comparison answers warmed for the data version) is done, and the heap holds what it keeps.
   */
  private static void awaitQuiet(ReplicaProcess service) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    int quiet = 0;
    while (System.nanoTime() < deadline) {
      quiet = service.get("/health").body().contains("\"queriesInFlight\":0") ? quiet + 1 : 0;
      if (quiet == 3) {
        return;
      }
      Thread.sleep(500);
    }
    System.out.println("(the worker pools were still busy after two minutes of quiet)");
  }

  /**
   * Sends distinct queries with 60 KB of comment (cheap to answer) until the SPARQL answer cache is within 2 MB of
   * its bound, as the abusive kind "60 KB distinct queries" would leave it after a few minutes; how many it took.
   */
  private static int fillQueryCache(ReplicaProcess service) throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    String padding = "w".repeat(60_000);
    java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
    while (queryCacheBytes(service) < (62L << 20) && sent.get() < 5000) {
      List<Thread> batch = new ArrayList<>();
      for (int c = 0; c < 8; c++) {
        batch.add(Thread.ofVirtual().start(() -> {
          for (int i = 0; i < 25; i++) {
            try {
              http.send(java.net.http.HttpRequest.newBuilder(service.uri("/sparql"))
                  .header("Content-Type", "application/sparql-query")
                  .POST(java.net.http.HttpRequest.BodyPublishers.ofString("ASK { } # " + sent.incrementAndGet()
                      + " " + padding)).build(), HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
              return;
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            }
          }
        }));
      }
      for (Thread t : batch) {
        t.join();
      }
    }
    return sent.get();
  }

  /** loftesgrafen_sparql_cache_bytes of /metrics. */
  private static long queryCacheBytes(ReplicaProcess service) throws IOException, InterruptedException {
    return service.get("/metrics").body().lines().filter(l -> l.startsWith("loftesgrafen_sparql_cache_bytes "))
        .map(l -> (long) Double.parseDouble(l.substring(l.indexOf(' ') + 1).strip())).findFirst().orElse(-1L);
  }

  /** The five classes whose live bytes grew most, with the growth. */
  private static String growth(Map<String, Long> start, Map<String, Long> end) {
    return end.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - start.getOrDefault(e.getKey(), 0L)))
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
        .map(e -> String.format(Locale.ROOT, "%s %+.1f MB", e.getKey(), e.getValue() / 1048576.0))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /** The service's GC pauses in a stretch of its -Xlog:gc log: how many, their total and the longest. */
  static String gcPauses(String log) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("Pause (\\w+).* ([\\d.]+)ms$", java.util.regex.Pattern.MULTILINE)
        .matcher(log);
    int pauses = 0;
    int full = 0;
    double total = 0;
    double longest = 0;
    while (m.find()) {
      double ms = Double.parseDouble(m.group(2));
      pauses++;
      full += m.group(1).equals("Full") ? 1 : 0;
      total += ms;
      longest = Math.max(longest, ms);
    }
    return String.format(Locale.ROOT, "service GC during the measured turn: %d pauses (%d full), %.0f ms in all,"
        + " longest %.0f ms", pauses, full, total, longest);
  }

  static double percentile(long[] sorted, double p) {
    return sorted.length == 0 ? Double.NaN
        : sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p) - 1)] / 1e6;
  }

  /** Municipalities and promises of the nation, by their IRIs (promises found with a query). */
  private static List<String> resources(RunningService loader, SyntheticNation nation)
      throws IOException, InterruptedException {
    List<String> iris = new ArrayList<>();
    nation.kommuner().forEach(k -> iris.add(loader.service().iris().municipality(k.code()).getURI()));
    HttpResponse<String> r = loader.sparql("PREFIX lg: <https://w3id.org/loftesgrafen/def#> SELECT ?p WHERE"
        + " { ?p a lg:CitizenPromise }", "text/csv");
    r.body().lines().skip(1).map(String::strip).filter(l -> !l.isEmpty()).forEach(iris::add);
    Collections.shuffle(iris, new Random(14));
    return iris;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
