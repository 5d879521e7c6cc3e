package se.loftesgrafen.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import se.loftesgrafen.testing.FusekiProcess;
import se.loftesgrafen.testing.RunningService;
import se.loftesgrafen.testing.SyntheticNation;

/**
 * Our SPARQL endpoint against Apache Jena Fuseki on the same national synthetic graph (290 municipalities × 10 years
 * × 10 commitments with provenance, about a million quads), over HTTP with the same query mix. Not a unit test:
 * {@code mvn -Pbenchmark-endpoint verify} runs it in a JVM with -Xmx512m. Prints heap after load, then per phase and endpoint
 * the throughput and p50/p99 latency: distinct queries (every text new, so no cache helps either side) and repeated
 * identical queries (ours from the cache keyed by the data version).
 */
public final class EndpointBenchmark {
  private static final String[] QUERIES = {"theme-municipality-year", "county-counts", "timeline", "commitments"};
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private EndpointBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    Path work = Files.createTempDirectory("loftesgrafen-bench");
    SyntheticNation nation = SyntheticNation.national();
    System.out.printf(Locale.ROOT, "generated %d pages%n", nation.pages().size());
    try (RunningService ours = RunningService.start(work.resolve("ours"),
        Map.of("LOFTESGRAFEN_SPARQL_TIMEOUT", "60s"))) {
      long t0 = System.nanoTime();
      // One write transaction, as Fuseki gets the data in one upload: TDB2 lays it out alike on both sides.
      nation.load(ours.service().store(), ours.service().iris(), nation.pages().size());
      System.out.printf(Locale.ROOT, "loaded into our TDB2 store in %.1f s%n", (System.nanoTime() - t0) / 1e9);
      System.gc();
      Thread.sleep(500);
      System.gc();
      Runtime rt = Runtime.getRuntime();
      System.out.printf(Locale.ROOT, "heap used after load: %d MB (max %d MB)%n",
          (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
      Path nq = work.resolve("national.nq");
      long quads = export(ours, nq);
      try (FusekiProcess fuseki = FusekiProcess.start(work.resolve("fuseki"), true, "1g")) {
        long t1 = System.nanoTime();
        upload(fuseki, nq);
        System.out.printf(Locale.ROOT, "loaded %d quads into Fuseki (TDB2 on disk) in %.1f s%n", quads,
            (System.nanoTime() - t1) / 1e9);
        String oursUrl = ours.uri("/sparql").toString();
        String fusekiUrl = fuseki.dataset() + "/sparql";
        Mix mix = new Mix(nation);
        // warm-up, both sides
        run(oursUrl, rounds / 4, i -> mix.query(i, "warm" + i));
        run(fusekiUrl, rounds / 4, i -> mix.query(i, "warm" + i));
        System.out.println();
        System.out.println("phase                 endpoint   queries   q/s      p50 ms   p99 ms");
        // The two endpoints take turns, query by query, so that load from elsewhere on the machine hits both alike.
        long[][] distinct = interleaved(oursUrl, fusekiUrl, rounds, i -> mix.query(i, "distinct" + i));
        report("distinct queries", "ours", distinct[0]);
        report("distinct queries", "fuseki", distinct[1]);
        long[][] repeated = interleaved(oursUrl, fusekiUrl, rounds, i -> mix.query(i % 8, "repeat"));
        report("repeated queries", "ours", repeated[0]);
        report("repeated queries", "fuseki", repeated[1]);
        System.out.printf(Locale.ROOT, "%nours/fuseki throughput: distinct %.2fx, repeated %.2fx; p50: distinct %.2fx,"
            + " repeated %.2fx%n", sum(distinct[1]) / (double) sum(distinct[0]),
            sum(repeated[1]) / (double) sum(repeated[0]), median(distinct[1]) / median(distinct[0]),
            median(repeated[1]) / median(repeated[0]));
        serverSideTimes(ours, work.resolve("fuseki").resolve("fuseki.log"));
      }
    }
  }

  /** The mix: the four comparison queries in turn, parameters drawn per index; {@code tag} makes the text unique. */
  record Mix(SyntheticNation nation) {
    String query(int i, String tag) {
      Random r = new Random(i);
      List<String> themes = new ArrayList<>(nation.themeLabels().keySet());
      String name = QUERIES[i % QUERIES.length];
      ParameterizedSparqlString q = new ParameterizedSparqlString(resource("/bench/" + name + ".rq"));
      q.setLiteral("theme", themes.get(r.nextInt(themes.size())));
      q.setLiteral("year", String.valueOf(2016 + r.nextInt(10)));
      q.setLiteral("code", nation.kommuner().get(r.nextInt(nation.kommuner().size())).code());
      return "# " + name + " " + tag + "\n" + q;
    }
  }

  static long[][] interleaved(String a, String b, int n, IntFunction<String> queries)
      throws IOException, InterruptedException {
    long[][] nanos = new long[2][n];
    for (int i = 0; i < n; i++) {
      String q = queries.apply(i);
      nanos[0][i] = run(a, 1, k -> q)[0];
      nanos[1][i] = run(b, 1, k -> q)[0];
    }
    return nanos;
  }

  /** Where the time goes: the servers' own timings (our histogram; Fuseki's log lines "200 OK (N ms)"). */
  static void serverSideTimes(RunningService ours, Path fusekiLog) throws IOException, InterruptedException {
    String metrics = ours.get("/metrics").body();
    double sum = 0;
    double count = 0;
    for (String line : metrics.lines().toList()) {
      if (line.startsWith("loftesgrafen_sparql_query_seconds_sum{cache=\"miss\"}")) {
        sum = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      } else if (line.startsWith("loftesgrafen_sparql_query_seconds_count{cache=\"miss\"}")) {
        count = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    java.util.regex.Pattern ok = java.util.regex.Pattern.compile("\\] 200 OK \\((\\d+) ms\\)");
    long[] fuseki = Files.readAllLines(fusekiLog).stream().map(ok::matcher).filter(java.util.regex.Matcher::find)
        .mapToLong(m -> Long.parseLong(m.group(1))).toArray();
    System.out.printf(Locale.ROOT, "server-side mean per uncached query: ours %.1f ms (%d), fuseki %.1f ms (%d)%n",
        sum / count * 1000, (long) count, Arrays.stream(fuseki).average().orElse(0), fuseki.length);
  }

  static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  static long sum(long[] values) {
    return Arrays.stream(values).sum();
  }

  static long[] run(String endpoint, int n, IntFunction<String> queries) throws IOException, InterruptedException {
    long[] nanos = new long[n];
    for (int i = 0; i < n; i++) {
      String body = "query=" + URLEncoder.encode(queries.apply(i), StandardCharsets.UTF_8);
      HttpRequest req = HttpRequest.newBuilder(URI.create(endpoint))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("Accept", "application/sparql-results+json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
      long start = System.nanoTime();
      HttpResponse<byte[]> r = HTTP.send(req, HttpResponse.BodyHandlers.ofByteArray());
      nanos[i] = System.nanoTime() - start;
      if (r.statusCode() != 200) {
        throw new IllegalStateException(endpoint + " answered " + r.statusCode() + ": " + new String(r.body(),
            StandardCharsets.UTF_8));
      }
    }
    return nanos;
  }

  static void report(String phase, String endpoint, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double total = Arrays.stream(nanos).sum() / 1e9;
    System.out.printf(Locale.ROOT, "%-21s %-10s %7d %8.1f %8.2f %8.2f%n", phase, endpoint, nanos.length,
        nanos.length / total, sorted[sorted.length / 2] / 1e6, sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6);
  }

  static long export(RunningService ours, Path file) throws IOException {
    long[] count = {0};
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      StreamRDF writer = StreamRDFWriter.getWriterStream(out, RDFFormat.NQUADS_UTF8);
      ours.service().store().export(new org.apache.jena.riot.system.StreamRDFWrapper(writer) {
        @Override
        public void quad(org.apache.jena.sparql.core.Quad quad) {
          count[0]++;
          super.quad(quad);
        }
      });
    }
    return count[0];
  }

  static void upload(FusekiProcess fuseki, Path nq) throws IOException, InterruptedException {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(fuseki.dataset())
        .header("Content-Type", "application/n-quads").POST(HttpRequest.BodyPublishers.ofFile(nq)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("Fuseki refused the upload: " + r.statusCode() + " " + r.body());
    }
  }

  private static String resource(String path) {
    try (InputStream in = EndpointBenchmark.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
