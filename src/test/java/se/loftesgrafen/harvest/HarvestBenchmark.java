package se.loftesgrafen.harvest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import se.loftesgrafen.Loftesgrafen;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.config.ConfigLoader;
import se.loftesgrafen.config.ConfigOverrides;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.testing.SyntheticNation;

/**
 * On demand, not part of the build: a national harvest of 290 simulated municipal hosts on loopback (one JDK
 * HttpServer per host, 50 ms latency per request), each with a start page linking its promise pages, plus one
 * polisen.se-like host with more pages (40 by default; the real one has about 310), at the default per-host delay of
 * 1 s. Prints the time next to the politeness lower bound of the busiest host. With few pages on the busiest host the
 * run is bound by extracting the whole nation's pages on the machine's cores instead (12 pages: 1.5x to 2.6x of the
 * bound on two cores shared with other builds).
 * <pre>mvn -Pbenchmark-harvest verify</pre>
 * The origin runs in the same JVM as the harvester (on its own platform threads), so both share the machine's cores.
 */
public final class HarvestBenchmark {
  static final int HOSTS = 290;
  static final int PAGES_PER_HOST = 4;
  private static int polisenPages = 40;
  static final Duration LATENCY = Duration.ofMillis(50);
  private final Path dir;

  private HarvestBenchmark(Path dir) {
    this.dir = dir;
  }

  /** @param args optionally the number of pages on the polisen.se-like host (the busiest; default 40) */
  public static void main(String[] args) throws Exception {
    if (args.length > 0) {
      polisenPages = Integer.parseInt(args[0]);
    }
    Path dir = Files.createTempDirectory("harvest-benchmark");
    try {
      System.exit(new HarvestBenchmark(dir).run() ? 0 : 1);
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** @return whether the harvest stored every page within 1.2x of the politeness bound */
  boolean run() throws Exception {
    List<SyntheticNation.Kommun> kommuner = SyntheticNation.generate(HOSTS, 2024, 1, 1, 1).kommuner();
    List<String> names = new ArrayList<>();
    names.add("polisen");
    kommuner.forEach(k -> names.add(k.code()));
    try (OriginServer origin = new OriginServer(dir.resolve("none"), names)) {
      origin.latency(LATENCY);
      kommuner.forEach(k -> site(origin, k.code(), k.name(), PAGES_PER_HOST));
      site(origin, "polisen", "Karlstad", polisenPages);
      AppConfig config = configure(origin, names);
      try (PromiseStore store = PromiseStore.embedded(config.service().store())) {
        Harvester harvester = Loftesgrafen.harvester(config, store, new Iris(config.baseIri()));
        long start = System.nanoTime();
        HarvestSummary s = harvester.run(SourcesFile.read(config.harvest().sources()));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Map<String, Long> perHost = origin.requests().stream()
            .collect(Collectors.groupingBy(OriginServer.Request::host, Collectors.counting()));
        Map.Entry<String, Long> busiest = perHost.entrySet().stream().max(Comparator.comparingLong(Map.Entry::getValue))
            .orElseThrow();
        long n = busiest.getValue();
        Duration delay = config.harvest().perHostDelay();
        Duration naive = delay.multipliedBy(n);
        Duration strict = delay.multipliedBy(n - 1).plus(LATENCY.multipliedBy(n));
        double ratio = (double) took.toMillis() / strict.toMillis();
        System.out.printf("%nharvest benchmark: %d hosts, %d requests, %d pages stored%n", perHost.size(),
            origin.requests().size(), s.stored());
        System.out.printf("  national harvest time          %6d ms%n", took.toMillis());
        long last = origin.requests().stream().mapToLong(OriginServer.Request::arrivedNanos).max().orElse(start);
        System.out.printf("  last request arrived after     %6d ms%n", (last - start) / 1_000_000);
        String lastHost = origin.requests().stream().max(Comparator.comparingLong(OriginServer.Request::arrivedNanos))
            .orElseThrow().host();
        System.out.printf("  last host %s: %s%n", lastHost, origin.requests(lastHost).stream()
            .map(r -> (r.arrivedNanos() - start) / 1_000_000 + "ms " + r.path() + " " + r.status()).toList());
        System.out.printf("  busiest host %-8s          %6d requests%n", busiest.getKey(), n);
        System.out.printf("  delay x requests (brief)       %6d ms  (ratio %.2f)%n", naive.toMillis(),
            (double) took.toMillis() / naive.toMillis());
        System.out.printf("  (n-1) x delay + n x latency    %6d ms  (ratio %.2f)%n%n", strict.toMillis(), ratio);
        boolean complete = s.stored() == HOSTS * PAGES_PER_HOST + polisenPages;
        System.out.printf("  %s; %s%n", complete ? "every page stored" : "MISSING PAGES: " + s.failed(),
            ratio <= 1.2 ? "within 1.2x of the bound" : "NOT within 1.2x of the bound");
        return complete && ratio <= 1.2;
      }
    }
  }

  /** A start page linking {@code pages} promise pages of the municipality. */
  static void site(OriginServer origin, String host, String name, int pages) {
    StringBuilder index = new StringBuilder("<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\">"
        + "<title>" + name + "</title></head><body><main><ul>");
    for (int i = 1; i <= pages; i++) {
      index.append("<li><a href=\"/medborgarlofte-").append(2015 + i).append(".html\">Medborgarlöfte ")
          .append(2015 + i).append("</a></li>");
      String page = """
          <!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Medborgarlöfte %1$s %2$d</title></head>
          <body><main><h1>Medborgarlöfte i %1$s %2$d</h1><h2>Det här ska vi göra</h2><ul>
          <li>Polisen ska genomföra trafikkontroller vid skolorna under %2$d.</li>
          <li>Kommunen ska förbättra belysningen i centrum.</li></ul></main></body></html>""".formatted(name, 2015 + i);
      byte[] body = page.getBytes(StandardCharsets.UTF_8);
      origin.answer(host, "/medborgarlofte-" + (2015 + i) + ".html",
          (x, c) -> OriginServer.send(x, 200, "text/html; charset=utf-8", body));
    }
    byte[] home = index.append("</ul></main></body></html>").toString().getBytes(StandardCharsets.UTF_8);
    origin.answer(host, "/", (x, c) -> OriginServer.send(x, 200, "text/html; charset=utf-8", home));
  }

  AppConfig configure(OriginServer origin, List<String> hosts) throws IOException {
    Path configDir = Files.createDirectories(dir.resolve("config"));
    Files.writeString(configDir.resolve("loftesgrafen.yaml"), """
        service:
          store: %s
        harvest:
          perHostDelay: 1s
          allowPrivateAddresses: true
        """.formatted(dir.resolve("store")));
    StringBuilder sources = new StringBuilder("sources:\n");
    hosts.forEach(h -> sources.append("  - url: ").append(origin.base(h)).append("/\n    discover: true\n"));
    Files.writeString(configDir.resolve("sources.yaml"), sources);
    return ConfigLoader.load(configDir, ConfigOverrides.none());
  }
}
