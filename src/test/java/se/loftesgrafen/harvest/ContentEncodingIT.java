package se.loftesgrafen.harvest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.loftesgrafen.config.AppConfig;

/**
 * Bodies sent with a Content-Encoding, over real HTTP on loopback: gzip, deflate (zlib and raw) and gzip asked for
 * or not are decoded before anything reads them; a gzip body that inflates past the body limit, an unknown coding
 * and a body that is not what its coding says each fail the page with the reason.
 */
class ContentEncodingIT {
  private static final byte[] PAGE = ("<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Medborgarlöfte"
      + "</title></head><body><p>Polisen ska öka närvaron i centrum.</p></body></html>").getBytes(StandardCharsets.UTF_8);
  private static final long LIMIT = 1 << 20;
  private static final Map<String, String> ASKED = new ConcurrentHashMap<>();
  static HttpServer server;
  static HttpFetcher fetcher;

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    serve("/gzip", "gzip", gzip(PAGE));
    serve("/xgzip", "x-gzip", gzip(PAGE));
    serve("/deflate", "deflate", deflate(PAGE, false));
    serve("/raw-deflate", "deflate", deflate(PAGE, true));
    serve("/identity", "identity", PAGE);
    serve("/twice", "gzip, gzip", gzip(gzip(PAGE)));
    serve("/bomb", "gzip", gzip(new byte[200 << 20])); // 200 MB of zeros: about 200 KB on the wire
    serve("/br", "br", PAGE);
    serve("/broken", "gzip", PAGE);
    server.start();
    fetcher = new HttpFetcher(new AppConfig.FetchLimits(Duration.ofSeconds(5), Duration.ofSeconds(5),
        Duration.ofSeconds(30), LIMIT, 5, 0, Duration.ofSeconds(1), true), "Loftesgrafen-test/1.0", Optional.empty());
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/gzip", "/xgzip", "/deflate", "/raw-deflate", "/identity", "/twice"})
  void anEncodedBodyIsReadDecoded(String path) throws Exception {
    FetchResult result = fetch(path);
    assertTrue(result instanceof FetchResult.Fetched, path + ": " + result);
    assertArrayEquals(PAGE, ((FetchResult.Fetched) result).body(), path);
    assertEquals("gzip, deflate", ASKED.get(path), "Accept-Encoding sent");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/bomb|larger than the limit of 1048576 bytes once decoded (Content-Encoding: gzip)",
      "/br|Content-Encoding 'br' is not one the harvester reads",
      "/broken|the body is not valid gzip"})
  void aBodyThatCannotBeDecodedWithinTheLimitFailsWithTheReason(String path, String reason) throws Exception {
    FetchResult result = fetch(path);
    assertTrue(result instanceof FetchResult.Failed f && f.reason().contains(reason), path + ": " + result);
  }

  private static FetchResult fetch(String path) throws InterruptedException {
    URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    HttpFetcher.Exchange exchange = fetcher.exchange(url, FetchResult.Validators.NONE);
    assertTrue(exchange instanceof HttpFetcher.Done, path + ": " + exchange);
    return ((HttpFetcher.Done) exchange).result();
  }

  private static void serve(String path, String coding, byte[] body) {
    server.createContext(path, x -> {
      ASKED.put(path, String.valueOf(x.getRequestHeaders().getFirst("Accept-Encoding")));
      x.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      x.getResponseHeaders().set("Content-Encoding", coding);
      x.sendResponseHeaders(200, body.length);
      try (OutputStream out = x.getResponseBody()) {
        out.write(body);
      }
    });
  }

  private static byte[] gzip(byte[] body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(body);
    }
    return out.toByteArray();
  }

  private static byte[] deflate(byte[] body, boolean raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
      z.write(body);
    }
    return out.toByteArray();
  }
}
