package se.loftesgrafen.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import se.loftesgrafen.testing.FusekiProcess;
import se.loftesgrafen.testing.RunningService;
import se.loftesgrafen.testing.SyntheticNation;

/**
 * Our service and Apache Jena Fuseki 6 on the same national synthetic graph, side by side under a concurrent load
 * (64 connections by default, a Java HTTP client on virtual threads): resources as JSON-LD and as Turtle (ours
 * {@code /id/...}, Fuseki {@code DESCRIBE <iri>}), the comparison API (ours) against the SPARQL it answers
 * (Fuseki), and the distinct-query mix of {@link EndpointBenchmark} (every text new, so no cache helps either
 * side). Prints per phase and side req/s, p50, p99 and errors, the ratios, and our heap after GC. Not a test:
 * {@code mvn -Pbenchmark-load verify [-Dbenchmark.seconds=15] [-Dbenchmark.connections=64]}.
 *
 * <p>The two sides take turns, phase by phase, twice, each turn {@code seconds} long, so that load from elsewhere
 * on the machine hits both alike; the figures are over both turns. Client, our service and Fuseki share the
 * machine's cores.
 */
public final class LoadBenchmark {
  private static final String JSONLD = "application/ld+json";
  private static final String TURTLE = "text/turtle";
  private static final String RESULTS = "application/sparql-results+json";

  private LoadBenchmark() {}

  /** Latencies and errors of one side in one phase. */
  record Result(long[] nanos, long errors, double seconds, String firstError) {
    double perSecond() {
      return nanos.length / seconds;
    }

    double percentile(double p) {
      if (nanos.length == 0) {
        return Double.NaN;
      }
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p) - 1)] / 1e6;
    }

    Result plus(Result other) {
      long[] all = Arrays.copyOf(nanos, nanos.length + other.nanos.length);
      System.arraycopy(other.nanos, 0, all, nanos.length, other.nanos.length);
      return new Result(all, errors + other.errors, seconds + other.seconds,
          firstError != null ? firstError : other.firstError);
    }
  }

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    int connections = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("access"))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    Path work = Files.createTempDirectory("loftesgrafen-load");
    // Fuseki first: its start-up does not compete with generating and loading the graph on a busy machine.
    try (FusekiProcess fuseki = FusekiProcess.start(work.resolve("fuseki"), true, "1g");
         RunningService ours = RunningService.start(work.resolve("ours"),
             Map.of("LOFTESGRAFEN_SPARQL_TIMEOUT", "60s"))) {
      SyntheticNation nation = SyntheticNation.national();
      nation.load(ours.service().store(), ours.service().iris(), nation.pages().size());
      Path nq = work.resolve("national.nq");
      long quads = EndpointBenchmark.export(ours, nq);
      {
        EndpointBenchmark.upload(fuseki, nq);
        System.out.printf(Locale.ROOT, "national synthetic graph: %d pages, %d quads, in our TDB2 store and in"
            + " Fuseki's (TDB2 on disk)%n", nation.pages().size(), quads);
        Sides sides = new Sides(ours, fuseki, nation, resources(ours, nation));
        System.out.printf(Locale.ROOT, "%d resources (municipalities and promises); %d connections; %d s per turn,"
            + " two turns per side; load average %s%n", sides.resources.size(), connections, seconds, loadAverage());
        sides.firstPass(connections);
        System.out.println();
        System.out.printf(Locale.ROOT, "%-34s %-7s %9s %9s %9s %8s%n", "phase", "side", "req/s", "p50 ms",
            "p99 ms", "errors");
        Result[] jsonld = sides.phase("resources as JSON-LD", seconds, connections,
            i -> sides.resource(i, JSONLD), i -> sides.describe(i, JSONLD));
        Result[] turtle = sides.phase("resources as Turtle", seconds, connections,
            i -> sides.resource(i, TURTLE), i -> sides.describe(i, TURTLE));
        Result[] api = sides.phase("comparison API / its SPARQL", seconds, connections,
            sides::comparisonCall, sides::comparisonQuery);
        Result[] distinct = sides.phase("distinct SPARQL queries", seconds, connections,
            i -> sides.distinct(i, "ours"), i -> sides.distinct(i, "fuseki"));
        System.out.println();
        ratio("resources as JSON-LD", jsonld);
        ratio("resources as Turtle", turtle);
        ratio("comparison API / its SPARQL", api);
        ratio("distinct SPARQL queries", distinct);
        System.out.printf(Locale.ROOT, "JSON-LD: ours p99 %.2f ms against Fuseki's p50 %.2f ms%n",
            jsonld[0].percentile(0.99), jsonld[1].percentile(0.5));
        long errors = Arrays.stream(new Result[][] {jsonld, turtle, api, distinct}).flatMap(Arrays::stream)
            .mapToLong(Result::errors).sum();
        System.out.printf(Locale.ROOT, "errors: %d; load average after: %s%n", errors, loadAverage());
        System.out.printf(Locale.ROOT, "our heap used after GC: %d MB (max %d MB)%n", heapAfterGc() >> 20,
            Runtime.getRuntime().maxMemory() >> 20);
        System.out.println(ours.get("/metrics").body().lines()
            .filter(l -> l.startsWith("loftesgrafen_representations_")).reduce((a, b) -> a + "\n" + b).orElse(""));
      }
    }
    System.exit(0);
  }

  private static void ratio(String phase, Result[] r) {
    System.out.printf(Locale.ROOT, "%-34s ours/fuseki req/s %.2fx%n", phase, r[0].perSecond() / r[1].perSecond());
  }

  /** The IRIs of every municipality and promise of the nation, by a SPARQL query to our endpoint. */
  private static List<String> resources(RunningService ours, SyntheticNation nation)
      throws IOException, InterruptedException {
    List<String> iris = new ArrayList<>();
    nation.kommuner().forEach(k -> iris.add(ours.service().iris().municipality(k.code()).getURI()));
    String query = "PREFIX lg: <https://w3id.org/loftesgrafen/def#> SELECT ?p WHERE { ?p a lg:CitizenPromise }";
    HttpResponse<String> r = ours.get("/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
        + "&format=csv");
    r.body().lines().skip(1).map(String::strip).filter(l -> !l.isEmpty()).forEach(iris::add);
    java.util.Collections.shuffle(iris, new Random(16));
    return iris;
  }

  /** The requests of both sides. */
  static final class Sides {
    final RunningService ours;
    final FusekiProcess fuseki;
    final SyntheticNation nation;
    final List<String> resources;
    final List<String> themes;
    final EndpointBenchmark.Mix mix;
    final AtomicLong unique = new AtomicLong();

    Sides(RunningService ours, FusekiProcess fuseki, SyntheticNation nation, List<String> resources) {
      this.ours = ours;
      this.fuseki = fuseki;
      this.nation = nation;
      this.resources = resources;
      this.themes = new ArrayList<>(nation.themeLabels().keySet());
      this.mix = new EndpointBenchmark.Mix(nation);
    }

    HttpRequest resource(int i, String type) {
      String iri = resources.get(i % resources.size());
      String path = "/" + iri.substring(ours.service().iris().base().length());
      return HttpRequest.newBuilder(ours.uri(path)).header("Accept", type).build();
    }

    HttpRequest describe(int i, String type) {
      String iri = resources.get(i % resources.size());
      return HttpRequest.newBuilder(URI.create(fuseki.dataset() + "/sparql?query="
          + URLEncoder.encode("DESCRIBE <" + iri + ">", StandardCharsets.UTF_8))).header("Accept", type).build();
    }

    /** Two comparison calls in turn (a theme's municipalities in a year; a municipality's timeline). */
    HttpRequest comparisonCall(int i) {
      Random r = new Random(i);
      String theme = themes.get(r.nextInt(themes.size()));
      int year = 2016 + r.nextInt(10);
      String code = nation.kommuner().get(r.nextInt(nation.kommuner().size())).code();
      String path = i % 2 == 0 ? "/api/themes/" + theme + "/municipalities?year=" + year
          : "/api/municipalities/" + code + "/timeline";
      return HttpRequest.newBuilder(ours.uri(path)).header("Accept", "application/json").build();
    }

    /** The SPARQL of the same questions, with the same parameters (the mix's queries 0 and 2). */
    HttpRequest comparisonQuery(int i) {
      return query(URI.create(fuseki.dataset() + "/sparql"), mix.query(i / 2 * 4 + (i % 2 == 0 ? 0 : 2), "api"), i);
    }

    HttpRequest distinct(int i, String side) {
      URI endpoint = side.equals("ours") ? ours.uri("/sparql") : URI.create(fuseki.dataset() + "/sparql");
      return query(endpoint, mix.query(i, side + "-" + unique.incrementAndGet()), i);
    }

    private HttpRequest query(URI endpoint, String text, int i) {
      String body = "query=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
      return HttpRequest.newBuilder(endpoint).header("Content-Type", "application/x-www-form-urlencoded")
          .header("Accept", RESULTS).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Every resource once in each format on our side: each rendering is done once per data version. */
    void firstPass(int connections) throws Exception {
      for (String type : List.of(JSONLD, TURTLE)) {
        Result first = Load.count(resources.size(), connections, i -> resource(i, type));
        System.out.printf(Locale.ROOT, "first request of every resource as %s (rendered, then kept): %.1f req/s,"
            + " p50 %.2f ms, p99 %.2f ms, %d errors%s%n", type, first.perSecond(), first.percentile(0.5),
            first.percentile(0.99), first.errors(), first.firstError() == null ? "" : " (" + first.firstError() + ")");
      }
      Load.count(500, connections, i -> describe(i, JSONLD)); // Fuseki's warm-up
    }

    Result[] phase(String name, int seconds, int connections, IntFunction<HttpRequest> oursRequests,
                   IntFunction<HttpRequest> fusekiRequests) throws Exception {
      Load.timed(2, connections, oursRequests); // warm-up
      Load.timed(2, connections, fusekiRequests);
      Result a = Load.timed(seconds, connections, oursRequests);
      Result b = Load.timed(seconds, connections, fusekiRequests);
      a = a.plus(Load.timed(seconds, connections, oursRequests));
      b = b.plus(Load.timed(seconds, connections, fusekiRequests));
      print(name, "ours", a);
      print(name, "fuseki", b);
      return new Result[] {a, b};
    }

    private static void print(String phase, String side, Result r) {
      System.out.printf(Locale.ROOT, "%-34s %-7s %9.1f %9.2f %9.2f %8d%s%n", phase, side, r.perSecond(),
          r.percentile(0.5), r.percentile(0.99), r.errors(), r.firstError() == null ? "" : "  " + r.firstError());
    }
  }

  /** Closed-loop load: {@code connections} clients, each sending its next request when the last one answered. */
  static final class Load {
    static Result timed(int seconds, int connections, IntFunction<HttpRequest> requests) throws Exception {
      long end = System.nanoTime() + seconds * 1_000_000_000L;
      return run(connections, requests, n -> System.nanoTime() < end, Integer.MAX_VALUE);
    }

    static Result count(int total, int connections, IntFunction<HttpRequest> requests) throws Exception {
      return run(connections, requests, n -> n < total, total);
    }

    private static Result run(int connections, IntFunction<HttpRequest> requests,
                              java.util.function.IntPredicate more, int total) throws Exception {
      AtomicInteger next = new AtomicInteger();
      AtomicLong errors = new AtomicLong();
      java.util.concurrent.atomic.AtomicReference<String> firstError = new java.util.concurrent.atomic.AtomicReference<>();
      long start = System.nanoTime();
      List<Future<long[]>> clients = new ArrayList<>();
      try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int c = 0; c < connections; c++) {
          HttpClient http = se.loftesgrafen.testing.LoopbackClients.client(c); // each connection a client of its own
          clients.add(threads.submit(() -> {
            long[] nanos = new long[1024];
            int n = 0;
            while (true) {
              int i = next.getAndIncrement();
              if (i >= total || !more.test(i)) {
                break;
              }
              HttpRequest request = requests.apply(i);
              long t0 = System.nanoTime();
              try {
                HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                long t = System.nanoTime() - t0;
                if (r.statusCode() != 200 || r.body().length == 0) {
                  errors.incrementAndGet();
                  firstError.compareAndSet(null, request.uri() + " " + r.statusCode() + " "
                      + new String(r.body(), StandardCharsets.UTF_8).lines().findFirst().orElse(""));
                  continue;
                }
                if (n == nanos.length) {
                  nanos = Arrays.copyOf(nanos, n * 2);
                }
                nanos[n++] = t;
              } catch (IOException e) {
                errors.incrementAndGet();
                firstError.compareAndSet(null, request.uri() + " " + e);
              }
            }
            return Arrays.copyOf(nanos, n);
          }));
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      List<long[]> all = new ArrayList<>();
      for (Future<long[]> f : clients) {
        all.add(f.get());
      }
      long[] nanos = all.stream().flatMapToLong(Arrays::stream).toArray();
      return new Result(nanos, errors.get(), seconds, firstError.get());
    }
  }

  private static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(300);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
