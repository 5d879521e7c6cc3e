package se.loftesgrafen.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.loftesgrafen.Loftesgrafen;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.config.ConfigLoader;
import se.loftesgrafen.config.ConfigOverrides;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;

/**
 * Harvester edges over loopback, with a real TDB2 store: a redirect to {@code file:} is refused with a clear line
 * (it ended in a NullPointerException); retried pages leave the queue count at zero (it went negative, "-4
 * queued"); the summary's problems are failures only.
 */
class HarvestEdgesIT {
  @TempDir
  Path folder;

  @Test
  void nonHttpRedirectsAreRefusedAndRetriesKeepTheQueueCountHonest() throws Exception {
    AtomicInteger flaky = new AtomicInteger();
    HttpServer origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    origin.createContext("/to-file", x -> {
      x.getResponseHeaders().set("Location", "file:///etc/passwd");
      x.sendResponseHeaders(302, -1);
      x.close();
    });
    origin.createContext("/flaky", x -> {
      byte[] body = "<html><body><p>Ingen medborgarlöfte här.</p></body></html>".getBytes(StandardCharsets.UTF_8);
      int status = flaky.getAndIncrement() < 2 ? 503 : 200;
      x.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      x.sendResponseHeaders(status, body.length);
      x.getResponseBody().write(body);
      x.close();
    });
    origin.start();
    String base = "http://127.0.0.1:" + origin.getAddress().getPort();
    AppConfig config = ConfigLoader.load(Path.of("harvest-config"), new ConfigOverrides(Optional.of("8080"),
        Optional.of(folder.toString()), Optional.empty(), Map.of("LOFTESGRAFEN_ALLOW_PRIVATE_ADDRESSES", "true")));
    HarvestSummary summary;
    try (PromiseStore store = PromiseStore.embedded(folder)) {
      Harvester harvester = Loftesgrafen.harvester(config, store, new Iris(config.baseIri()));
      summary = harvester.run(List.of(
          new Source(URI.create(base + "/to-file"), List.of(), false, Optional.empty(), Optional.empty()),
          new Source(URI.create(base + "/flaky"), List.of(), false, Optional.empty(), Optional.empty())));
    } finally {
      origin.stop(0);
    }
    assertTrue(summary.failed().stream().anyMatch(l -> l.startsWith("failed ") && l.contains("/to-file")
        && l.contains("only http(s) URLs are followed")), summary.failed().toString());
    assertTrue(summary.failed().stream().noneMatch(l -> l.contains("NullPointerException")
        || l.contains("internal error")), summary.failed().toString());
    assertEquals(3, flaky.get(), "two retries, then the page");
    assertEquals(0, summary.queued(), "queued at the end: " + summary);
    summary.hosts().forEach(h -> assertEquals(0, h.queued(), h.toString()));
    assertEquals(summary.failed().stream().filter(l -> l.startsWith("failed ")).count(), summary.problems());
  }
}
