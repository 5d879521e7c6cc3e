package se.loftesgrafen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.loftesgrafen.testing.RunningService;

/**
 * The thread model under slow clients and slow queries, with a pool of two query threads and a queue of one:
 * clients that never read their answers are cut off after the write timeout and free their threads; a full pool
 * answers 503 with Retry-After at once; idle and half-sent connections are closed; /health and /ready answer within
 * a second all the while.
 */
class SlowClientsIT {
  private static final String BIG = "SELECT ?s ?p ?o ?n { ?s ?p ?o VALUES ?n { "
      + IntStream.rangeClosed(1, 40).mapToObj(String::valueOf).collect(Collectors.joining(" ")) + " } }";
  @TempDir
  static Path store;
  static RunningService service;

  @BeforeAll
  static void start() throws Exception {
    service = RunningService.start(store, Map.of("LOFTESGRAFEN_QUERY_THREADS", "2", "LOFTESGRAFEN_QUERY_QUEUE", "1",
        "LOFTESGRAFEN_WRITE_TIMEOUT", "2s", "LOFTESGRAFEN_IDLE_TIMEOUT", "8s", "LOFTESGRAFEN_SPARQL_TIMEOUT", "3s"));
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void clientsThatNeverReadAreCutOffAndTheirThreadsServeOthers() throws Exception {
    List<Socket> stalled = new ArrayList<>();
    for (int i = 0; i < 2; i++) { // as many as there are query threads, each a client of its own
      Socket s = RawHttp.open(service.service().port(), java.net.InetAddress.getByAddress(
          new byte[] {127, 1, 2, (byte) (i + 1)}));
      s.getOutputStream().write(("GET /sparql?query=" + URLEncoder.encode(BIG, StandardCharsets.UTF_8)
          + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/sparql-results+json\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      stalled.add(s);
    }
    Thread.sleep(1000);
    assertAnswersWithinOneSecond("/health");
    assertAnswersWithinOneSecond("/ready");
    long start = System.nanoTime();
    HttpResponse<String> r = service.sparql("SELECT (COUNT(*) AS ?n) { ?s a ?t } # after the stalled clients",
        "text/csv");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(millis < 10_000, "a query waited " + millis + " ms behind clients that do not read");
    for (Socket s : stalled) {
      assertTrue(cutOff(s.getInputStream()), "the stalled client's connection was closed");
      s.close();
    }
  }

  @Test
  void aClientThatNeverReadsLosesItsConnectionWithoutReadingAnything() throws Exception {
    try (Socket s = RawHttp.open(service.service().port())) {
      // about 10 MB: more than the socket buffers hold, and quick to write out well within the time limit
      String tenfold = "SELECT ?s ?p ?o ?n { ?s ?p ?o VALUES ?n { 1 2 3 4 5 6 7 8 9 10 } } # never read";
      s.getOutputStream().write(("GET /sparql?query=" + URLEncoder.encode(tenfold, StandardCharsets.UTF_8)
          + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/sparql-results+json\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      // the query, the answer sent until the buffers are full, 2 s of write timeout; not yet the 8 s of idle timeout
      // (which closed such a connection in the end)
      Thread.sleep(5500);
      // The server must have dropped the connection, not kept it to flush the answer first (as it did: that waits
      // as long as the client reads nothing). A write to a connection the server reset fails; to one it keeps, not.
      boolean dropped = false;
      for (int i = 0; i < 10 && !dropped; i++) {
        try {
          s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          s.getOutputStream().flush();
          Thread.sleep(200);
        } catch (IOException e) {
          dropped = true;
        }
      }
      assertTrue(dropped, "the connection of a client that reads nothing was still open after the write timeout");
    }
  }

  /** Reads everything; true when the server ends the connection (EOF or reset) before the answer is complete. */
  private static boolean cutOff(InputStream in) {
    byte[] buf = new byte[1 << 16];
    long total = 0;
    try {
      for (int n; (n = in.read(buf)) >= 0; ) {
        total += n;
      }
      return total < 30L << 20; // ended early: a complete answer is ~40 MB
    } catch (IOException e) {
      return true; // reset
    }
  }

  /**
   * Six queries that run into the 3 s time limit, sent 50 ms apart by six clients (each from an address of its own,
   * so that none meets the per-client limit): more than two threads and a queue of one.
   */
  private static List<CompletableFuture<HttpResponse<String>>> slowQueries(String tag) throws InterruptedException {
    List<CompletableFuture<HttpResponse<String>>> running = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String slow = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } # " + tag + i;
      running.add(se.loftesgrafen.testing.LoopbackClients.client(10 + i).sendAsync(HttpRequest.newBuilder(
          java.net.URI.create("http://127.0.0.1:" + service.service().port() + "/sparql?query="
          + URLEncoder.encode(slow, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString()));
      Thread.sleep(50);
    }
    return running;
  }

  @Test
  void aFullSparqlPoolLeavesResourcesAndTheApiTheirOwn() throws Exception {
    List<CompletableFuture<HttpResponse<String>>> running = slowQueries("api ");
    Thread.sleep(300);
    // the API and uncached resources run on a pool of their own: arbitrary queries filling theirs refused them 503
    for (String path : new String[] {"/api/themes", "/api/municipalities/1492/timeline", "/id/kommun/1780"}) {
      HttpResponse<String> r = service.get(path, "Accept", path.startsWith("/id") ? "text/turtle" : "application/json");
      assertEquals(200, r.statusCode(), path + ": " + r.body());
    }
    assertTrue(running.stream().map(CompletableFuture::join).anyMatch(a -> a.body().contains("busy")),
        "the SPARQL pool was full meanwhile");
  }

  @Test
  void aFullPoolAnswers503WithRetryAfterAtOnce() throws Exception {
    List<CompletableFuture<HttpResponse<String>>> running = slowQueries("");
    Thread.sleep(300);
    assertAnswersWithinOneSecond("/health");
    List<HttpResponse<String>> answers = new ArrayList<>();
    for (CompletableFuture<HttpResponse<String>> f : running) {
      answers.add(f.get());
    }
    List<HttpResponse<String>> busy = answers.stream().filter(a -> a.body().contains("busy")).toList();
    assertTrue(busy.size() >= 3, "refused as busy: " + busy.size() + " of 6");
    for (HttpResponse<String> b : busy) {
      assertEquals(503, b.statusCode());
      assertTrue(b.headers().firstValue("Retry-After").isPresent(), b.headers().toString());
    }
    // the ones that ran were stopped at the time limit, not refused
    assertTrue(answers.stream().anyMatch(a -> a.body().contains("time limit")), answers.toString());
  }

  @Test
  void idleAndHalfSentConnectionsAreClosed() throws Exception {
    for (String sent : new String[] {"", "GET /health HTTP/1.1\r\nHost: loc"}) {
      try (Socket s = RawHttp.open(service.service().port())) {
        s.getOutputStream().write(sent.getBytes(StandardCharsets.US_ASCII));
        long start = System.nanoTime();
        int read;
        try {
          read = s.getInputStream().read();
        } catch (IOException e) {
          read = -1;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(-1, read, "the server closed the connection");
        assertTrue(millis >= 7000 && millis < 14_000, "closed after " + millis + " ms with an 8 s idle timeout");
      }
    }
  }

  private static void assertAnswersWithinOneSecond(String path) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> r = service.get(path);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(200, r.statusCode(), path + ": " + r.body());
    assertTrue(millis < 1000, path + " took " + millis + " ms");
  }
}
