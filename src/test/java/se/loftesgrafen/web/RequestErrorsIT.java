package se.loftesgrafen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.loftesgrafen.testing.RunningService;

/**
 * Malformed input is the client's error: 4xx with a reason that names the problem, never a 500. The requests are
 * the ones that gave 500 before: bad percent-encoding, a raw '>' in an /id path, Lucene regular expressions and
 * wildcard storms in a search, a form body over the limit, Vert.x's own refusals.
 */
class RequestErrorsIT {
  @TempDir
  static Path store;
  static RunningService service;

  @BeforeAll
  static void start() throws Exception {
    service = RunningService.start(store);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/sparql?query=%G1", "/sparql?query=SELECT%", "/api/search?q=%G1",
      "/api/search?q=narkotika%2", "/id/kommun/14%G2"})
  void badPercentEncodingIs400(String pathAndQuery) throws Exception {
    String answer = RawHttp.exchange(service.service().port(),
        "GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assertEquals(400, RawHttp.status(answer), answer);
    assertTrue(answer.contains("percent-encoding"), answer);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/id/kommun/14>92", "/id/kommun/<script>", "/id/lofte/1492/\"2021\"", "/id/x{y}"})
  void aPathThatCannotBeAnIriIs400(String path) throws Exception {
    String answer = RawHttp.exchange(service.service().port(),
        "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/turtle\r\nConnection: close\r\n\r\n");
    assertEquals(400, RawHttp.status(answer), answer);
    assertTrue(answer.contains("cannot be part of an IRI"), answer);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/[a-z]{1,20}(ab|cd)*[0-9]{100}/", "/(a|aa)*b/", "narkotika AND /.*/", "\"unclosed",
      "a*b*c*d*e*f*g*h*i*j*k*l*m*n*o*p*q*r*s*t*u*v*w*x*y*z*", "(((((", "*"})
  void searchWordsTheParserCannotTakeAre400(String q) throws Exception {
    HttpResponse<String> r = service.get("/api/search?q=" + SparqlProtocolIT.enc(q));
    assertTrue(r.statusCode() == 400 || r.statusCode() == 200, r.statusCode() + " " + r.body());
    if (r.statusCode() == 400) {
      assertTrue(r.body().contains("search words"), r.body());
    }
    assertTrue(r.statusCode() != 500);
  }

  @Test
  void aWrongMethodOnAnyRouteIs405WithAllowAndAnUnknownPathStays404() throws Exception {
    int port = service.service().port();
    java.util.List<String> wrong = new java.util.ArrayList<>();
    for (String path : MalformedHeadersIT.everyPath(service)) {
      if (path.equals("/") || path.startsWith("/admin/") || path.equals("/no/such/page")) {
        continue; // the start page is the static files' catch-all; the admin routes are POST, checked below
      }
      String answer = RawHttp.exchange(port, "DELETE " + path + " HTTP/1.1\r\nHost: localhost\r\n"
          + "Connection: close\r\n\r\n");
      if (RawHttp.status(answer) != 405 || !answer.matches("(?s).*\r\nAllow: [^\r]*GET[^\r]*\r\n.*")) {
        wrong.add(path + ": " + answer.lines().limit(12).toList());
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    for (String request : List.of("HEAD /admin/harvest", "GET /admin/harvest", "PUT /admin/reextract")) {
      String answer = RawHttp.exchange(port, request + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
      assertEquals(405, RawHttp.status(answer), request + ": " + answer);
      assertTrue(answer.contains("\r\nAllow: POST\r\n"), request + ": " + answer);
    }
    String unknown = RawHttp.exchange(port, "DELETE /no/such/page HTTP/1.1\r\nHost: localhost\r\n"
        + "Connection: close\r\n\r\n");
    assertEquals(404, RawHttp.status(unknown), unknown);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a~", "a~5", "narkotika~-1", "a^", "a^-2", "[a TO", "{a TO b", "a:", "\"a", "a AND", "!"})
  void searchSyntaxErrorsAreToldInTheSearchBoxsTermsNotLucenes(String q) throws Exception {
    HttpResponse<String> r = service.get("/api/search?q=" + SparqlProtocolIT.enc(q));
    assertTrue(r.statusCode() == 400 || r.statusCode() == 200, r.statusCode() + " " + r.body());
    if (r.statusCode() == 400) {
      assertTrue(r.body().contains("search words") && r.body().contains("plain words"), r.body());
      for (String internal : List.of("Encountered", "line 1", "boost", "float", "Exception", "<EOF>")) {
        assertTrue(!r.body().contains(internal), internal + " in " + r.body());
      }
    }
  }

  @Test
  void aRegularExpressionInTheSearchIsRefusedWithTheReason() throws Exception {
    HttpResponse<String> r = service.get("/api/search?q=" + SparqlProtocolIT.enc("/[a-z]{1,20}(ab|cd)*[0-9]{100}/"));
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(r.body().contains("regular expressions"), r.body());
  }

  @Test
  void aFormOverTheBodyLimitIs413WithTheReason() throws Exception {
    // 1 MB of form: more than the body limit (three times the 64 KB query limit, percent-encoded, and some)
    String body = "query=" + "%3C".repeat(350 * 1024);
    HttpResponse<String> r = service.http().send(HttpRequest.newBuilder(service.uri("/sparql"))
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(413, r.statusCode(), r.body());
    assertTrue(r.body().contains("sparqlMaxQuerySize"), r.body());
  }

  @Test
  void vertxsOwnRefusalsKeepTheirStatus() throws Exception {
    // A POST whose body is not what its Content-Length says: Vert.x answers itself, and never with 500
    String answer = RawHttp.exchange(service.service().port(), "POST /sparql HTTP/1.1\r\nHost: localhost\r\n"
        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 12\r\nConnection: close\r\n\r\n"
        + "query=%zz&q=");
    int status = RawHttp.status(answer);
    assertTrue(status >= 400 && status < 500, answer);
    String headers = RawHttp.exchange(service.service().port(), "GET /health HTTP/1.1\r\nHost: localhost\r\n"
        + "X-Big: " + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n");
    assertEquals(431, RawHttp.status(headers), headers);
  }

  @Test
  void unknownPathsAre404AndAnswersCarryTheRequestId() throws Exception {
    HttpResponse<String> r = service.get("/no/such/page", "X-Request-Id", "test-404");
    assertEquals(404, r.statusCode());
    assertTrue(r.body().contains("test-404"), r.body());
    assertEquals("test-404", r.headers().firstValue("X-Request-Id").orElse(""));
  }
}
