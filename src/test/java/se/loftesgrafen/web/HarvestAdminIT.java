package se.loftesgrafen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.loftesgrafen.testing.RunningService;

/** POST /admin/harvest and /admin/reextract with their token, 401/403/409, and GET /harvest/status, on a running service. */
class HarvestAdminIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "a-long-enough-admin-token";
  @TempDir
  Path dir;

  @Test
  void theAdminEndpointStartsOneHarvestAtATimeAndTheStatusShowsIt() throws Exception {
    HttpServer origin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    origin.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    byte[] page = """
        <!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Medborgarlöfte i Karlstad 2024</title></head>
        <body><main><h1>Medborgarlöfte i Karlstad 2024</h1><ul><li>Polisen ska öka närvaron i centrum.</li></ul>
        </main></body></html>""".getBytes(StandardCharsets.UTF_8);
    origin.createContext("/", x -> {
      try {
        Thread.sleep(400); // a slow origin keeps the run going while the test asks again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] body = x.getRequestURI().getPath().equals("/medborgarlofte.html") ? page : new byte[0];
      x.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      x.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        x.getResponseBody().write(body);
      }
      x.close();
    });
    origin.start();
    Path sources = Files.writeString(dir.resolve("sources.yaml"), "sources:\n  - url: http://127.0.0.1:"
        + origin.getAddress().getPort() + "/medborgarlofte.html\n");
    try (RunningService service = RunningService.start(dir.resolve("store"), Map.of(
        "LOFTESGRAFEN_ADMIN_TOKEN", TOKEN, "LOFTESGRAFEN_SOURCES", sources.toString(),
        "LOFTESGRAFEN_ALLOW_PRIVATE_ADDRESSES", "true"))) {
      HttpResponse<String> none = post(service, null);
      assertEquals(401, none.statusCode(), none.body());
      assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
      assertEquals(403, post(service, "wrong-token-of-some-length").statusCode());

      HttpResponse<String> started = post(service, TOKEN);
      assertEquals(202, started.statusCode(), started.body());
      String runId = JSON.readTree(started.body()).get("runId").asText();
      assertEquals(409, post(service, TOKEN).statusCode(), "one run at a time");
      assertEquals(409, post(service, "/admin/reextract", TOKEN).statusCode(), "no re-extraction during a harvest");

      JsonNode status = JSON.readTree(service.get("/harvest/status").body());
      assertEquals(runId, status.at("/current/runId").asText(), status.toString());
      assertTrue(status.at("/current/running").asBoolean());

      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!status.at("/last/runId").asText().equals(runId) && System.nanoTime() < deadline) {
        Thread.sleep(100);
        status = JSON.readTree(service.get("/harvest/status").body());
      }
      assertEquals(runId, status.at("/last/runId").asText(), status.toString());
      assertEquals(1, status.at("/last/stored").asInt(), status.toString());
      assertTrue(status.at("/current").isNull(), status.toString());
      String metrics = service.get("/metrics").body();
      assertTrue(metrics.contains("loftesgrafen_harvest_last_stored 1"), metrics);
      assertTrue(metrics.contains("loftesgrafen_harvest_running 0"), metrics);

      // Re-extraction of what is stored, guarded like the harvest: the fetched page is read back from its WARC
      // record and says the same; pages read from local files (the sample of an empty store) have no WARC record.
      assertEquals(401, post(service, "/admin/reextract", null).statusCode());
      assertEquals(403, post(service, "/admin/reextract", "wrong-token-of-some-length").statusCode());
      HttpResponse<String> reextracted = post(service, "/admin/reextract?dryRun=true", TOKEN);
      assertEquals(200, reextracted.statusCode(), reextracted.body());
      JsonNode summary = JSON.readTree(reextracted.body());
      assertTrue(summary.get("dryRun").asBoolean(), summary.toString());
      assertEquals(1, summary.get("read").asInt(), summary.toString());
      assertEquals(1, summary.get("unchanged").asInt(), summary.toString());
      assertEquals(0, summary.get("changed").size(), summary.toString());
      summary.get("failed").forEach(f -> assertTrue(f.get("reason").asText().contains("no WARC record"),
          summary.toString()));
    } finally {
      origin.stop(0);
    }
  }

  @Test
  void withoutAConfiguredTokenTheAdminEndpointSaysItIsOff() throws Exception {
    try (RunningService service = RunningService.start(dir.resolve("store"), Map.of())) {
      for (String token : new String[] {null, "any-token-at-all"}) {
        HttpResponse<String> answer = post(service, token);
        assertEquals(403, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("admin endpoints are off"), answer.body());
      }
    }
  }

  @Test
  void wrongTokensAreLimitedPerClientWith429AndRetryAfter() throws Exception {
    // sources on loopback only, never harvested here: the right token is tried on a dry re-extraction
    Path sources = Files.writeString(dir.resolve("sources.yaml"), "sources:\n  - url: http://127.0.0.1:9/x.html\n");
    try (RunningService service = RunningService.start(dir.resolve("store"), Map.of(
        "LOFTESGRAFEN_ADMIN_TOKEN", TOKEN, "LOFTESGRAFEN_SOURCES", sources.toString()))) {
      java.net.http.HttpClient guesser = se.loftesgrafen.testing.LoopbackClients.client(300);
      java.net.URI reextract = java.net.URI.create("http://127.0.0.1:" + service.service().port()
          + "/admin/reextract?dryRun=true");
      for (int i = 0; i < 10; i++) {
        assertEquals(403, send(guesser, reextract, "wrong-token-number-" + i).statusCode());
      }
      HttpResponse<String> limited = send(guesser, reextract, "wrong-token-number-10");
      assertEquals(429, limited.statusCode(), limited.body());
      int retryAfter = Integer.parseInt(limited.headers().firstValue("Retry-After").orElse("0"));
      assertTrue(retryAfter >= 1 && retryAfter <= 61, "Retry-After " + retryAfter);
      // limited before the token is compared: the right one does not get through from this client either
      assertEquals(429, send(guesser, reextract, TOKEN).statusCode());
      HttpResponse<String> other = send(se.loftesgrafen.testing.LoopbackClients.client(301), reextract, TOKEN);
      assertEquals(200, other.statusCode(), "another client with the token: " + other.body());
    }
  }

  private static HttpResponse<String> send(java.net.http.HttpClient client, java.net.URI uri, String token)
      throws Exception {
    return client.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody())
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(RunningService service, String token) throws Exception {
    return post(service, "/admin/harvest", token);
  }

  private static HttpResponse<String> post(RunningService service, String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(service.uri(path))
        .POST(HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return service.http().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
