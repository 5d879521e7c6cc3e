package se.loftesgrafen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.loftesgrafen.testing.RunningService;

/**
 * The malformed header fields of issue 25 that gave 500 (a missing or invalid Host, an invalid Origin, an Accept
 * that cannot be parsed) sent over a raw socket to every GET route of the router (walked from the router, so a new
 * route is walked too) and to the admin routes: each is a 400 with a one-line reason, and the well-formed request
 * next to it still answers as before.
 */
class MalformedHeadersIT {
  /** Header lines (without the request line) that break their field's grammar, with what the reason must name. */
  static final List<String[]> MALFORMED = List.of(
      new String[] {"", "Host header is missing"},
      new String[] {"Host: a b\r\n", "Host header"},
      new String[] {"Host: [::1\r\n", "Host header"},
      new String[] {"Host: x:99999\r\n", "Host header"},
      new String[] {"Host: localhost\r\nHost: other\r\n", "more than one Host"},
      new String[] {"Host: localhost\r\nOrigin: x\r\n", "Origin header"},
      new String[] {"Host: localhost\r\nOrigin: file://\r\n", "Origin header"},
      new String[] {"Host: localhost\r\nOrigin: \"\r\n", "Origin header"},
      new String[] {"Host: localhost\r\nAccept: ;\r\n", "Accept header"},
      new String[] {"Host: localhost\r\nAccept: application/ld+json; profile=\"\r\n", "Accept header"},
      new String[] {"Host: localhost\r\nAccept: text/turtle;q=abc\r\n", "Accept header"},
      new String[] {"Host: localhost\r\nAccept-Language: sv;;q=1,=\r\n", "Accept-Language header"},
      new String[] {"Host: localhost\r\nAccept-Encoding: gzip;q=2\r\n", "Accept-Encoding header"});

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

  /** Paths to request for each GET route of the router, parameters filled with a sample value. */
  static List<String> everyPath(RunningService service) {
    List<String> paths = new ArrayList<>();
    for (String route : service.service().web().getRoutePaths()) {
      String path = route.replace(":code", "1492").replace("/archive/:id", "/archive/000000000000-0000000000000000")
          .replace(":id", "narkotika").replace(":file", "release.json");
      paths.add(path.equals("/id/") ? "/id/kommun/1492" : path.equals("/graph/") ? "/graph/vocab" : path);
    }
    paths.addAll(List.of("/sparql?query=ASK%7B%7D", "/api/search?q=narkotika", "/admin/harvest", "/no/such/page"));
    return paths;
  }

  @Test
  void everyMalformedHeaderOnEveryRouteIs400WithItsReason() throws Exception {
    List<String> paths = everyPath(service);
    assertTrue(paths.size() >= 25, "walked " + paths);
    List<String> wrong = new ArrayList<>();
    for (String path : paths) {
      for (String[] malformed : MALFORMED) {
        String answer = RawHttp.exchange(service.service().port(), "GET " + path + " HTTP/1.1\r\n" + malformed[0]
            + "Connection: close\r\n\r\n");
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        if (RawHttp.status(answer) != 400 || !body.contains(malformed[1]) || body.contains("\n")) {
          wrong.add(path + " with " + malformed[0].replace("\r\n", " | ") + "-> " + answer.lines().findFirst()
              .orElse("") + " " + body);
        }
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }

  /**
   * HTTP/1.0 may leave Host out (RFC 9112, 3.2), and load balancers' health checks do (HAProxy's
   * {@code option httpchk GET /ready} in deploy/haproxy.cfg): such requests are answered on every route, never 5xx.
   */
  @Test
  void http10WithoutHostIsAnsweredOnEveryRoute() throws Exception {
    String ready = RawHttp.exchange(service.service().port(), "GET /ready HTTP/1.0\r\n\r\n");
    assertEquals(200, RawHttp.status(ready), ready);
    List<String> wrong = new ArrayList<>();
    for (String path : everyPath(service)) {
      String answer = RawHttp.exchange(service.service().port(), "GET " + path + " HTTP/1.0\r\n\r\n");
      if (RawHttp.status(answer) < 200 || RawHttp.status(answer) >= 500) {
        wrong.add(path + " -> " + answer.lines().findFirst().orElse("(no answer)"));
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    String badOrigin = RawHttp.exchange(service.service().port(), "GET /api/themes HTTP/1.0\r\nOrigin: x\r\n\r\n");
    assertEquals(400, RawHttp.status(badOrigin), badOrigin);
  }

  @Test
  void wellFormedHeadersBesideThemStillAnswer() throws Exception {
    for (String headers : List.of("Host: localhost:8080\r\n", "Host: 127.0.0.1\r\nOrigin: https://example.org\r\n",
        "Host: [::1]:80\r\nOrigin: null\r\n", "Host: localhost\r\nAccept: text/turtle;q=0.9, */*;q=0.1\r\n",
        "Host: localhost\r\nAccept-Language: sv-SE,sv;q=0.9,en;q=0.5, *;q=0.1\r\n",
        "Host: localhost\r\nAccept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n")) {
      String answer = RawHttp.exchange(service.service().port(), "GET /id/kommun/1492 HTTP/1.1\r\n" + headers
          + "Connection: close\r\n\r\n");
      assertEquals(200, RawHttp.status(answer), headers + answer);
    }
  }

  @Test
  void aWellFormedQuotedProfileGoesThroughToTheVocabulary() throws Exception {
    int status = service.get("/def", "Accept", "application/ld+json; profile=\"http://www.w3.org/ns/json-ld#expanded\"")
        .statusCode();
    assertTrue(status != 400 && status < 500, "/def: " + status);
  }
}
