package se.loftesgrafen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.graph.StoreException;

/**
 * The CLI beside a running service: TDB2 lets one process hold a store, so while {@code serve} holds it, {@code dump},
 * {@code validate} and {@code harvest} ask that service (its address is in {@code <store>/service.json}, written
 * by serve) for the dumps and for a harvest run, over its public HTTP API.
 */
final class RunningServiceClient {
  static final String FILE = se.loftesgrafen.Loftesgrafen.SERVICE_FILE;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final URI base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private RunningServiceClient(URI base) {
    this.base = base;
  }

  /** The service that holds the store of {@code config}, when {@code e} says the store is in use and serve said where. */
  static Optional<RunningServiceClient> of(AppConfig config, StoreException e) {
    Path file = config.service().store().resolve(FILE);
    if (!e.inUse() || config.service().remoteStore().isPresent() || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new RunningServiceClient(URI.create(JSON.readTree(file.toFile()).get("url").asText())));
    } catch (IOException | RuntimeException bad) {
      return Optional.empty();
    }
  }

  URI base() {
    return base;
  }

  /** The service's current release of the dumps (it writes one when the data changed): release.json. */
  JsonNode currentRelease() throws IOException, InterruptedException {
    long until = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (true) {
      HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("dumps/release.json")).GET(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200) {
        return JSON.readTree(r.body());
      }
      if (r.statusCode() != 503 || System.nanoTime() > until) {
        throw new UserError("the service at " + base + " gave " + r.statusCode() + " for dumps/release.json", 1);
      }
      Thread.sleep(1000); // the first release is being written
    }
  }

  /** Downloads one file of the dumps into {@code target}. */
  void download(String name, Path target) throws IOException, InterruptedException {
    HttpResponse<InputStream> r = send(HttpRequest.newBuilder(base.resolve("dumps/" + name)).GET(),
        HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = r.body()) {
      if (r.statusCode() != 200) {
        throw new UserError("the service at " + base + " gave " + r.statusCode() + " for dumps/" + name, 1);
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Asks for a harvest run (POST /admin/harvest) and waits for it; its summary as /harvest/status gives it. */
  JsonNode harvest(Optional<String> token) throws IOException, InterruptedException {
    if (token.isEmpty()) {
      throw new UserError("the store is held by the service at " + base + "; to harvest through it, configure "
          + "service.adminToken (LOFTESGRAFEN_ADMIN_TOKEN) for both, or POST " + base + "admin/harvest", 1);
    }
    HttpResponse<String> started = send(HttpRequest.newBuilder(base.resolve("admin/harvest"))
        .header("Authorization", "Bearer " + token.get()).POST(HttpRequest.BodyPublishers.noBody()),
        HttpResponse.BodyHandlers.ofString());
    if (started.statusCode() != 202) {
      throw new UserError("the service at " + base + " did not start a harvest: " + started.statusCode() + " "
          + started.body().strip(), 1);
    }
    String runId = JSON.readTree(started.body()).get("runId").asText();
    while (true) {
      JsonNode status = JSON.readTree(send(HttpRequest.newBuilder(base.resolve("harvest/status")).GET(),
          HttpResponse.BodyHandlers.ofString()).body());
      if (runId.equals(status.at("/last/runId").asText())) {
        return status.get("last");
      }
      Thread.sleep(1000);
    }
  }

  private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body)
      throws IOException, InterruptedException {
    try {
      return http.send(request.timeout(Duration.ofMinutes(10)).build(), body);
    } catch (java.net.ConnectException e) {
      throw new UserError("the store is in use, but no service answers at " + base + " (from " + FILE + "): " + e, 1);
    }
  }
}
