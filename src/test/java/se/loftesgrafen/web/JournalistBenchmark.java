package se.loftesgrafen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import se.loftesgrafen.testing.RunningService;
import se.loftesgrafen.testing.SyntheticNation;

/**
 * On-demand benchmark, never part of the tests: latency of the journalist's views (issue 13) over HTTP on the national
 * synthetic graph (290 municipalities × 10 years × 10 commitments), warm: the map SVG and the "since when" grid (and
 * the feeds), with the version-keyed answer cache, and with it off (every answer rendered anew from the per-version
 * grid). Target: p99 under 50 ms warm. Run with {@code mvn -Pbenchmark-journalist verify}; the numbers go to stdout
 * and target/benchmark/journalist.txt.
 */
public final class JournalistBenchmark {
  private static final List<String> CALLS = List.of(
      "/api/themes/narkotika/map.svg?year=2021",
      "/api/themes/trafik/map.svg?from=2019&to=2021&county=14&lang=en",
      "/api/themes/narkotika/since",
      "/api/themes/narkotika/since?county=14",
      "/api/themes/narkotika/since?format=csv",
      "/feeds/theme/narkotika.atom",
      "/feeds/kommun/1492.atom");
  private static final Map<String, String> BASE = Map.of("LOFTESGRAFEN_BASE_IRI", "http://bench.example/");

  private JournalistBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path folder = Files.createTempDirectory("loftesgrafen-journalist-benchmark");
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("access"))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    Files.createDirectories(Path.of("target", "benchmark"));
    StringBuilder report = new StringBuilder();
    long loadStart = System.nanoTime();
    try (RunningService service = RunningService.start(folder, BASE)) {
      SyntheticNation.national().load(service.service().store(), service.service().iris(), 200);
      report.append(String.format("loaded SyntheticNation.national() in %d s%n",
          (System.nanoTime() - loadStart) / 1_000_000_000));
      report.append(run("cached (version-keyed answer cache on)", service, 20, 300));
    }
    System.setProperty("loftesgrafen.comparisonCache", "false");
    try (RunningService service = RunningService.start(folder, BASE)) {
      report.append(run("answers uncached: rendered anew from the per-version grid (loftesgrafen.comparisonCache=false)",
          service, 20, 200));
    } finally {
      System.clearProperty("loftesgrafen.comparisonCache");
    }
    System.out.println(report);
    Files.writeString(Path.of("target", "benchmark", "journalist.txt"), report);
    try (var files = Files.walk(folder)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
    System.exit(0);
  }

  private static String run(String label, RunningService service, int warmup, int samples) throws Exception {
    StringBuilder out = new StringBuilder(String.format("%n%s: %d warm-up calls, then %d timed calls each, sequential%n",
        label, warmup, samples));
    out.append(String.format("%-66s %9s %9s %9s %9s %9s%n", "call", "first ms", "p50 ms", "p99 ms", "max ms", "KiB"));
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
      out.append(String.format("%-66s %9.1f %9.1f %9.1f %9.1f %9d%n", call, first, ms[samples / 2],
          ms[Math.min(samples - 1, (int) Math.ceil(samples * 0.99) - 1)], ms[samples - 1],
          service.get(call).body().length() / 1024));
    }
    return out.toString();
  }

  private static double time(RunningService service, String call) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> r = service.get(call);
    double ms = (System.nanoTime() - start) / 1e6;
    assertEquals(200, r.statusCode(), call + ": " + r.body());
    return ms;
  }
}
