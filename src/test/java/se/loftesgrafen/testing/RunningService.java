package se.loftesgrafen.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import se.loftesgrafen.Loftesgrafen;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.config.ConfigLoader;
import se.loftesgrafen.config.ConfigOverrides;

/** A real service on a free loopback port with its own store, for integration tests; a real HTTP client. */
public final class RunningService implements AutoCloseable {
  private final Loftesgrafen service;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private RunningService(Loftesgrafen service) {
    this.service = service;
  }

  /** The bundled configuration (harvest-config/), port 0, the store in {@code store}. */
  public static RunningService start(Path store) throws IOException {
    return start(store, Map.of());
  }

  public static RunningService start(Path store, Map<String, String> environment) throws IOException {
    AppConfig config = ConfigLoader.load(Path.of("harvest-config"),
        new ConfigOverrides(Optional.of("0"), Optional.of(store.toString()), Optional.empty(), environment));
    return new RunningService(Loftesgrafen.start(config));
  }

  public Loftesgrafen service() {
    return service;
  }

  public URI uri(String pathAndQuery) {
    return URI.create("http://localhost:" + service.port() + pathAndQuery);
  }

  public HttpResponse<String> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  public HttpResponse<String> sparql(String query, String accept) throws IOException, InterruptedException {
    return get("/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8), "Accept", accept);
  }

  public HttpClient http() {
    return http;
  }

  @Override
  public void close() {
    service.close();
  }
}
