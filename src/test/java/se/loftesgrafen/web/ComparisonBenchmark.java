package se.loftesgrafen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import se.loftesgrafen.testing.RunningService;
import se.loftesgrafen.testing.SyntheticNation;

/**
 * On-demand benchmark, never part of the tests: latency of the comparison calls over HTTP on the national synthetic
 * graph (290 municipalities × 10 years × 10 commitments, about a million triples), warm, with the version-keyed
 * answer cache and without it. Run with {@code mvn -Pbenchmark-compare verify}; the numbers go to stdout and
 * target/benchmark/comparison.txt.
 */
public final class ComparisonBenchmark {
  private static final List<String> CALLS = List.of(
      "/api/themes/narkotika/municipalities?year=2021",
      "/api/themes/trafik/municipalities?year=2020&county=14&pageSize=20",
      "/api/themes/narkotika/municipalities?year=2021&format=csv",
      "/api/overview?year=2021",
      "/api/overview?theme=narkotika&groupBy=county",
      "/api/municipalities/1492/timeline",
      "/api/municipalities/1492/similar",
      "/api/coverage",
      "/api/search?q=narkotikabrott&county=14");
  private static final Map<String, String> BASE = Map.of("LOFTESGRAFEN_BASE_IRI", "http://bench.example/");

  private ComparisonBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path folder = Files.createTempDirectory("loftesgrafen-benchmark");
    // One access-log line per call would flood the build's output; the numbers are what matter here.
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("access"))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    Files.createDirectories(Path.of("target", "benchmark"));
    StringBuilder report = new StringBuilder();
    long loadStart = System.nanoTime();
    try (RunningService service = RunningService.start(folder, BASE)) {
      SyntheticNation.national().load(service.service().store(), service.service().iris(), 200);
      report.append(String.format("loaded SyntheticNation.national() in %d s%n", (System.nanoTime() - loadStart) / 1_000_000_000));
      settle(service);
      report.append(run("cached (version-keyed answer cache on)", service, 20, 300));
      Files.writeString(Path.of("target", "benchmark", "comparison.txt"), report);
    }
    // Answers computed anew on every call, from the rows read once per data version (the service's steady state
    // for a question nobody asked yet at this version).
    System.setProperty("loftesgrafen.comparisonCache", "false");
    try (RunningService service = RunningService.start(folder, BASE)) {
      settle(service);
      report.append(run("answers uncached, per-version view on (loftesgrafen.comparisonCache=false)", service, 3, 100));
    }
    // Nothing kept: every call reads the store (the first call after a harvest changed the data).
    System.setProperty("loftesgrafen.comparisonView", "false");
    try (RunningService service = RunningService.start(folder, BASE)) {
      settle(service);
      report.append(run("cold: answers and view uncached (also loftesgrafen.comparisonView=false)", service, 1, 10));
    } finally {
      System.clearProperty("loftesgrafen.comparisonCache");
      System.clearProperty("loftesgrafen.comparisonView");
    }
    System.out.println(report);
    Files.writeString(Path.of("target", "benchmark", "comparison.txt"), report);
    try (var files = Files.walk(folder)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
    // Worker pools of the stopped services may linger as non-daemon threads; the numbers are written.
    System.exit(0);
  }

  private static String run(String label, RunningService service, int warmup, int samples) throws Exception {
    StringBuilder out = new StringBuilder(String.format("%n%s: %d warm-up calls, then %d timed calls each, sequential%n",
        label, warmup, samples));
    out.append(String.format("%-70s %9s %9s %9s %9s%n", "call", "first ms", "p50 ms", "p99 ms", "max ms"));
    for (String call : CALLS) {
      double first = time(service, call);
      for (int i = 0; i < warmup; i++) {
        time(service, call);
      }
      double[] ms = new double[samples];
      for (int i = 0; i < samples; i++) {
        ms[i] = time(service, call);
      }
      Arrays.sort(ms);
      out.append(String.format("%-70s %9.1f %9.1f %9.1f %9.1f%n", call, first, ms[samples / 2],
          ms[Math.min(samples - 1, (int) Math.ceil(samples * 0.99) - 1)], ms[samples - 1]));
    }
    return out.toString();
  }

  /** Waits until the search index has caught up with the data, so that its rebuild does not share the CPU. */
  private static void settle(RunningService service) throws Exception {
    time(service, "/api/search?q=settle");
    Thread.sleep(3000);
    time(service, "/api/search?q=settle");
  }

  private static double time(RunningService service, String call) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> r = service.get(call);
    double ms = (System.nanoTime() - start) / 1e6;
    assertEquals(200, r.statusCode(), call + ": " + r.body());
    return ms;
  }

  static List<String> calls() {
    return new ArrayList<>(CALLS);
  }
}
