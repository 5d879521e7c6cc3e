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
    return start(store, 0, environment);
  }

  /** On a given port: a restart on another port serves the same store. */
  public static RunningService start(Path store, int port) throws IOException {
    return start(store, port, Map.of());
  }

  public static RunningService start(Path store, int port, Map<String, String> environment) throws IOException {
    AppConfig config = ConfigLoader.load(Path.of("harvest-config"),
        new ConfigOverrides(Optional.of("" + port), Optional.of(store.toString()), Optional.empty(), environment));
    return new RunningService(Loftesgrafen.start(config));
  }

  public Loftesgrafen service() {
    return service;
  }

  public URI uri(String pathAndQuery) {
    return URI.create("http://localhost:" + service.port() + pathAndQuery);
  }

  /**
   * The canonical IRI of a path of ours ({@code /id/kommun/1492}): under the store's base IRI, whatever the port.
   */
  public String iri(String path) {
    return service.iris().base() + path.substring(1);
  }

  /**
   * A JSON-LD document loader that fetches what is named under the base IRI (our context) from this service over
   * HTTP, as a client does once the base redirects to a running service (w3id.org does).
   */
  public com.apicatalog.jsonld.loader.DocumentLoader documentLoader() {
    String base = service.iris().base();
    String local = uri("/").toString();
    return (url, options) -> {
      String text = url.toString();
      URI fetched = text.startsWith(base) ? URI.create(local + text.substring(base.length())) : url;
      com.apicatalog.jsonld.loader.DocumentLoader http = com.apicatalog.jsonld.loader.HttpLoader.defaultInstance();
      return http.loadDocument(fetched, options);
    };
  }

  /** Parses JSON-LD of ours (our context fetched from this service) into a dataset. */
  public org.apache.jena.sparql.core.DatasetGraph parseJsonLd(String body) {
    com.apicatalog.jsonld.JsonLdOptions options = new com.apicatalog.jsonld.JsonLdOptions();
    options.setDocumentLoader(documentLoader());
    org.apache.jena.sparql.util.Context context = new org.apache.jena.sparql.util.Context();
    context.set(org.apache.jena.riot.lang.LangJSONLD11.JSONLD_OPTIONS, options);
    org.apache.jena.sparql.core.DatasetGraph dataset = org.apache.jena.sparql.core.DatasetGraphFactory.create();
    org.apache.jena.riot.RDFParser.fromString(body, org.apache.jena.riot.Lang.JSONLD11).base(service.iris().base())
        .context(context).parse(dataset);
    return dataset;
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
