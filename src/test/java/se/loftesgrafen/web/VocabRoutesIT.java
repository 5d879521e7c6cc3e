package se.loftesgrafen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.loftesgrafen.vocab.JsonLdContext;
import se.loftesgrafen.vocab.VocabularyPage;

/** The vocabulary routes on a real server on port 0. */
class VocabRoutesIT {
  private static Vertx vertx;
  private static HttpServer server;
  private static String base;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx(new VertxOptions().setMaxEventLoopExecuteTime(50).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
    Router router = Router.router(vertx);
    // The base is only known once the port is: render against a fixed one, as a deployment's configured base.
    base = "http://localhost:8080/";
    VocabRoutes.mount(vertx, router, base).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    server = vertx.createHttpServer().requestHandler(router).listen(0)
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static HttpResponse<String> get(String path, String accept) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.actualPort() + path));
    if (accept != null) {
      request.header("Accept", accept);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(nullValues = "none", value = {
      "/def, text/html,                                   text/html; charset=utf-8",
      "/def, 'text/html,application/xhtml+xml,*/*;q=0.8', text/html; charset=utf-8",
      "/def, none,                                        text/html; charset=utf-8",
      "/vocab, text/turtle,                               text/turtle; charset=utf-8",
      "/def, 'text/turtle;q=0.5, application/ld+json',    application/ld+json; charset=utf-8",
      "/def/, application/n-triples,                      application/n-triples",
      "/def/0.1.0, text/*,                                text/html; charset=utf-8",
      "/def?format=turtle, text/html,                     text/turtle; charset=utf-8",
  })
  void negotiatesTheFormat(String path, String accept, String expected) throws Exception {
    HttpResponse<String> response = get(path, accept);
    assertEquals(200, response.statusCode());
    assertEquals(expected, response.headers().firstValue("Content-Type").orElse(""));
    assertEquals("Accept", response.headers().firstValue("Vary").orElse(""));
  }

  @Test
  void refusesWhatItCannotOffer() throws Exception {
    assertEquals(406, get("/def", "image/png").statusCode());
  }

  @Test
  void turtleAndJsonLdGiveTheSameTriples() throws Exception {
    Graph turtle = GraphFactory.createDefaultGraph();
    RDFParser.fromString(get("/def", "text/turtle").body(), Lang.TURTLE).parse(turtle);
    Graph jsonld = JsonLdContext.read(get("/def", "application/ld+json").body(), base);
    assertTrue(turtle.size() > 500);
    assertTrue(IsoMatcher.isomorphic(turtle, jsonld), "JSON-LD and Turtle differ");
    assertTrue(IsoMatcher.isomorphic(VocabularyPage.model(base).getGraph(), turtle), "served Turtle is not the vocabulary");
  }

  @Test
  void contextIsImmutableJsonLd() throws Exception {
    HttpResponse<String> response = get("/context/v1.jsonld", null);
    assertEquals(200, response.statusCode());
    assertEquals("application/ld+json; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
    assertEquals("public, max-age=31536000, immutable", response.headers().firstValue("Cache-Control").orElse(""));
    assertEquals("*", response.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    assertEquals(JsonLdContext.content(), response.body());
  }

  @Test
  void htmlPageListsTheTerms() throws Exception {
    String html = get("/def", "text/html").body();
    assertTrue(html.startsWith("<!doctype html>"));
    assertTrue(html.contains("id=\"CitizenPromise\""));
    assertTrue(html.contains("id=\"tema-narkotika\""));
  }
}
