package se.loftesgrafen.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.loftesgrafen.testing.Chrome;
import se.loftesgrafen.testing.RunningService;
import se.loftesgrafen.testing.SyntheticNation;

/**
 * Compression and page weight (issue 26) on the national synthetic graph next to the bundled sample: every request
 * that headless Chromium makes to draw the home page and the map view is fetched again with
 * {@code Accept-Encoding: gzip} (Java's client does not decode, so the body is the bytes on the wire) and summed
 * against a budget of 150 KB per view; without {@code Accept-Encoding} the same answers come plain.
 */
class PageWeightIT {
  private static final long BUDGET = 150 * 1024;
  @TempDir
  static Path folder;
  static RunningService service;
  static Chrome chrome;

  @BeforeAll
  static void start() throws Exception {
    chrome = Chrome.start(folder.resolve("chromium"));
    service = RunningService.start(folder.resolve("store"));
    SyntheticNation.national().load(service.service().store(), service.service().iris(), 200);
  }

  @AfterAll
  static void stop() {
    if (chrome != null) {
      chrome.close();
    }
    if (service != null) {
      service.close();
    }
  }

  @Test
  void theHomePageTransfersUnderTheBudget() throws Exception {
    assertUnderBudget("/", "home");
  }

  @Test
  void theMapViewTransfersUnderTheBudget() throws Exception {
    assertUnderBudget("/?view=map&theme=narkotika", "map");
  }

  @Test
  void withoutAcceptEncodingTheBodyIsPlainAndTheSameBytes() throws Exception {
    for (String path : List.of("/", "/app.js", "/app.css", "/api/municipalities", "/api/themes/narkotika/map.svg")) {
      HttpResponse<byte[]> plain = fetch(path, false);
      HttpResponse<byte[]> gzip = fetch(path, true);
      assertEquals(200, plain.statusCode(), path);
      assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty(), path + ": " + plain.headers().map());
      assertEquals("gzip", gzip.headers().firstValue("Content-Encoding").orElse(""), path + ": " + gzip.headers().map());
      assertTrue(gzip.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept-Encoding")), path);
      assertArrayEquals(plain.body(), gunzip(gzip.body()), path + ": the same answer once decoded");
      assertTrue(gzip.body().length < plain.body().length, path + ": " + gzip.body().length + " < "
          + plain.body().length);
    }
    String page = new String(fetch("/", false).body(), StandardCharsets.UTF_8);
    assertTrue(page.stripLeading().toLowerCase().startsWith("<!doctype html"), page.substring(0, 40));
  }

  @Test
  void typesThatDoNotGainAreNeverCoded() throws Exception {
    // Turtle of a resource: RDF answers are not compressed on the fly (large, and their clients rarely ask).
    HttpResponse<byte[]> turtle = get("/id/kommun/1492", true, "text/turtle");
    assertEquals(200, turtle.statusCode());
    assertTrue(turtle.headers().firstValue("Content-Encoding").isEmpty(), turtle.headers().map().toString());
    assertFalse(new String(turtle.body(), StandardCharsets.UTF_8).isBlank());
  }

  private static void assertUnderBudget(String view, String name) throws Exception {
    chrome.open(service.uri(view).toString());
    chrome.screenshot("weight-" + name);
    @SuppressWarnings("unchecked")
    List<String> urls = (List<String>) chrome.script("return [location.href].concat("
        + "performance.getEntriesByType('resource').map(e => e.name));");
    long total = 0;
    long plainTotal = 0;
    List<String> lines = new ArrayList<>();
    for (String url : urls) {
      String path = URI.create(url).getRawPath() + (URI.create(url).getRawQuery() == null ? ""
          : "?" + URI.create(url).getRawQuery());
      HttpResponse<byte[]> r = fetch(path, true);
      assertTrue(r.statusCode() == 200 || path.equals("/favicon.ico"), path + ": " + r.statusCode());
      long plain = fetch(path, false).body().length;
      total += r.body().length;
      plainTotal += plain;
      lines.add(String.format("%8d %8d %s %s", r.body().length, plain,
          r.headers().firstValue("Content-Encoding").orElse("-"), path));
    }
    System.out.printf("page weight %s (%s): %d bytes gzip, %d plain, %d requests%n%s%n", name, view, total,
        plainTotal, urls.size(), String.join("\n", lines));
    assertTrue(urls.size() > 2, "the page loads its script and data: " + urls);
    assertTrue(total < BUDGET, name + ": " + total + " bytes transferred, budget " + BUDGET + "\n"
        + String.join("\n", lines));
  }

  private static HttpResponse<byte[]> fetch(String path, boolean gzip) throws Exception {
    return get(path, gzip, null);
  }

  private static HttpResponse<byte[]> get(String path, boolean gzip, String accept) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(service.uri(path)).timeout(Duration.ofSeconds(60));
    if (gzip) {
      b.header("Accept-Encoding", "gzip");
    }
    if (accept != null) {
      b.header("Accept", accept);
    }
    return service.http().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] gunzip(byte[] body) throws Exception {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    }
  }
}
