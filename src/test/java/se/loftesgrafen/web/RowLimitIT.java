package se.loftesgrafen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import se.loftesgrafen.testing.RunningService;

/**
 * The row limit as a promise kept (issue 12): an answer is sent only when the query has run to its end, so a result
 * over {@code service.sparqlMaxRows} is a 400 with the reason before the first byte, even when the rows before the
 * cut fill many megabytes (more than the answer kept in memory); a result at the limit is a complete, valid
 * document; no error is cacheable; every request, a client that hangs up half-way included, is in the access log.
 */
class RowLimitIT {
  private static final int MAX_ROWS = 20_000;
  /** Every triple ten times: far over the limit, and megabytes of JSON before row 20,001. */
  private static final String MANY = "SELECT ?s ?p ?o ?n { ?s ?p ?o VALUES ?n { "
      + IntStream.rangeClosed(1, 10).mapToObj(String::valueOf).collect(Collectors.joining(" ")) + " } }";
  @TempDir
  static Path store;
  static RunningService service;
  static ListAppender<ILoggingEvent> access = new ListAppender<>();

  @BeforeAll
  static void start() throws Exception {
    access.start();
    ((Logger) LoggerFactory.getLogger("access")).addAppender(access);
    service = RunningService.start(store, Map.of("LOFTESGRAFEN_SPARQL_MAX_ROWS", "" + MAX_ROWS,
        "LOFTESGRAFEN_SPARQL_TIMEOUT", "60s"));
  }

  @AfterAll
  static void stop() {
    service.close();
    ((Logger) LoggerFactory.getLogger("access")).detachAppender(access);
  }

  @Test
  void overTheLimitIsA400WithTheReasonBeforeAnyByteOfAnAnswer() throws Exception {
    for (String accept : List.of("application/sparql-results+json", "text/csv", "application/sparql-results+xml")) {
      HttpResponse<String> r = get(MANY, accept, "over-" + accept.length());
      assertEquals(400, r.statusCode(), accept + ": " + r.body().substring(0, Math.min(200, r.body().length())));
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), accept);
      assertTrue(r.body().contains("more than " + MAX_ROWS + " rows") && r.body().contains("LIMIT"), r.body());
      assertFalse(r.headers().firstValue("Cache-Control").orElse("").contains("public"),
          "a refusal is not cached as an answer: " + r.headers());
    }
  }

  @Test
  void atTheLimitTheAnswerIsCompleteAndValidInEveryFormat() throws Exception {
    String query = MANY + " LIMIT " + MAX_ROWS;
    HttpResponse<String> json = get(query, "application/sparql-results+json", "at-json");
    assertEquals(200, json.statusCode());
    assertTrue(json.body().length() > 1 << 20, "larger than the answer kept in memory: " + json.body().length());
    assertEquals(json.body().getBytes(StandardCharsets.UTF_8).length,
        Long.parseLong(json.headers().firstValue("Content-Length").orElse("-1")), "the length is known up front");
    assertEquals(MAX_ROWS, rows(json.body(), ResultSetLang.RS_JSON));
    HttpResponse<String> xml = get(query, "application/sparql-results+xml", "at-xml");
    assertEquals(MAX_ROWS, rows(xml.body(), ResultSetLang.RS_XML));
    HttpResponse<String> csv = get(query, "text/csv", "at-csv");
    assertEquals(200, csv.statusCode());
    assertTrue(csv.body().endsWith("\r\n"), "ends with a whole row");
    assertEquals(MAX_ROWS + 1, csv.body().split("\r\n", -1).length - 1, "header and every row");
  }

  @Test
  void headOfALargeAnswerGivesItsLengthAndNoBody() throws Exception {
    String query = MANY + " LIMIT " + MAX_ROWS;
    HttpResponse<String> get = get(query, "text/csv", "head-get");
    String head = RawHttp.exchange(service.service().port(), "HEAD /sparql?query="
        + URLEncoder.encode(query, StandardCharsets.UTF_8) + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/csv\r\n"
        + "Connection: close\r\n\r\n");
    assertEquals(200, RawHttp.status(head), head);
    assertTrue(head.toLowerCase().contains("content-length: " + get.body().getBytes(StandardCharsets.UTF_8).length),
        head);
    assertTrue(head.endsWith("\r\n\r\n"), "no body: " + head.length() + " characters");
  }

  @Test
  void everyRequestIsInTheAccessLogAlsoOneWhoseClientHangsUp() throws Exception {
    get(MANY, "application/sparql-results+json", "logged-refusal");
    get("SELECT * { ?s ?p ?o } LIMIT 3", "text/csv", "logged-answer");
    try (Socket s = RawHttp.open(service.service().port())) {
      s.getOutputStream().write(("GET /sparql?query=" + URLEncoder.encode(MANY + " LIMIT " + MAX_ROWS,
          StandardCharsets.UTF_8) + " HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: logged-hangup\r\n"
          + "Accept: application/sparql-results+json\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      InputStream in = s.getInputStream();
      in.readNBytes(1000); // the head and a little of the body, then hang up
    }
    assertTrue(logged("logged-refusal", " 400 "), () -> lines().toString());
    assertTrue(logged("logged-answer", " 200 "), () -> lines().toString());
    assertTrue(logged("logged-hangup", " 200 "), () -> lines().toString());
  }

  private static boolean logged(String id, String status) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (lines().stream().anyMatch(l -> l.startsWith(id + " GET /sparql") && l.contains(status))) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  private static List<String> lines() {
    synchronized (access.list) {
      return access.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
  }

  private static int rows(String body, org.apache.jena.riot.Lang lang) {
    var results = ResultSetMgr.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), lang);
    int n = 0;
    while (results.hasNext()) {
      results.next();
      n++;
    }
    return n;
  }

  private static HttpResponse<String> get(String query, String accept, String requestId) throws Exception {
    return service.http().send(HttpRequest.newBuilder(service.uri("/sparql?query="
            + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("Accept", accept)
        .header("X-Request-Id", requestId).timeout(Duration.ofSeconds(90)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
