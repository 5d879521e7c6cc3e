package se.loftesgrafen.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.MIMEHeader;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.vocabulary.OWL2;
import se.loftesgrafen.vocab.JsonLdContext;
import se.loftesgrafen.vocab.VocabularyPage;

/**
 * Serves the vocabulary: {@code /def} (where the namespace https://w3id.org/loftesgrafen/def# redirects),
 * {@code /def/{version}} and {@code /vocab} as HTML for browsers or Turtle, N-Triples, JSON-LD, RDF/XML by Accept
 * (or {@code ?format=html|turtle|ntriples|jsonld|rdfxml}), RDF/XML too; and the JSON-LD context at {@code /context/v1.jsonld}, immutable.
 * All bodies are rendered once, before mounting; handlers only write bytes, so the event loop never blocks.
 */
public final class VocabRoutes {
  static final String HTML = "text/html";
  static final String TURTLE = "text/turtle";
  static final String NTRIPLES = "application/n-triples";
  static final String JSONLD = JsonLdContext.MEDIA_TYPE;
  /** What ontology editors ask for first (Protégé: application/rdf+xml, then application/xml). */
  static final String RDFXML = "application/rdf+xml";
  /** In order of preference when the client accepts anything ({@code *}{@code /*}). */
  private static final List<String> OFFERED = List.of(HTML, TURTLE, JSONLD, NTRIPLES, RDFXML);
  /** Other names clients give these types: plain XML is RDF/XML here, plain JSON is JSON-LD. */
  private static final Map<String, String> ALIASES = Map.of("application/xml", RDFXML, "text/xml", RDFXML,
      "application/json", JSONLD);
  private static final Map<String, String> FORMATS = Map.of("html", HTML, "turtle", TURTLE, "ttl", TURTLE,
      "ntriples", NTRIPLES, "nt", NTRIPLES, "jsonld", JSONLD, "rdfxml", RDFXML, "xml", RDFXML);

  private final Map<String, Buffer> bodies;
  private final Buffer context;
  private final String version;

  private VocabRoutes(Map<String, Buffer> bodies, Buffer context, String version) {
    this.bodies = bodies;
    this.context = context;
    this.version = version;
  }

  /** Renders everything (parses vocab/, about a second): call off the event loop, e.g. at start-up. */
  public static VocabRoutes create(String baseIri) {
    return create(baseIri, baseIri);
  }

  /** As {@link #create(String)}, the JSON-LD naming the context where {@code publicUrl} serves it. */
  public static VocabRoutes create(String baseIri, String publicUrl) {
    VocabularyPage page = VocabularyPage.create(baseIri);
    Model model = page.model();
    Map<String, Buffer> bodies = Map.of(
        HTML, Buffer.buffer(page.html(), "UTF-8"),
        TURTLE, Buffer.buffer(write(model, RDFFormat.TURTLE_PRETTY)),
        NTRIPLES, Buffer.buffer(write(model, RDFFormat.NTRIPLES_UTF8)),
        JSONLD, Buffer.buffer(JsonLdContext.compactReferencing(model.getGraph(), JsonLdContext.url(publicUrl)),
            "UTF-8"),
        RDFXML, Buffer.buffer(write(model, RDFFormat.RDFXML_PLAIN)));
    String version = model.listObjectsOfProperty(OWL2.versionInfo).toList().stream()
        .map(n -> n.asLiteral().getLexicalForm()).findFirst().orElse("");
    return new VocabRoutes(bodies, Buffer.buffer(JsonLdContext.bytes()), version);
  }

  /** Renders (blocking, on the caller's thread) and mounts: for start-up code that is not on an event loop. */
  public static void mount(Router router, String baseIri, String publicUrl) {
    create(baseIri, publicUrl).mount(router);
  }

  /** Renders on a worker thread, then mounts: for a verticle's start(). */
  public static Future<Void> mount(Vertx vertx, Router router, String baseIri) {
    return vertx.executeBlocking(() -> create(baseIri)).map(routes -> {
      routes.mount(router);
      return null;
    });
  }

  public void mount(Router router) {
    for (String path : List.of("/def", "/def/", "/vocab", "/def/" + version)) {
      router.route(path).method(HttpMethod.GET).handler(this::vocabulary);
    }
    router.route("/" + JsonLdContext.PATH).method(HttpMethod.GET).handler(this::context);
  }

  private void vocabulary(RoutingContext ctx) {
    Optional<String> type = Optional.ofNullable(ctx.queryParams().get("format"))
        .map(f -> Optional.ofNullable(FORMATS.get(f)))
        .orElseGet(() -> negotiate(ctx.parsedHeaders().accept()));
    ctx.response().putHeader(HttpHeaders.VARY, "Accept");
    if (type.isEmpty()) {
      ctx.response().setStatusCode(406).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
          .end(ContentLength.of(ctx.response(), "Not acceptable: offered " + String.join(", ", OFFERED) + "\n"));
      return;
    }
    send(ctx, type.get(), bodies.get(type.get()), "public, max-age=3600");
  }

  private void context(RoutingContext ctx) {
    send(ctx, JSONLD, context, JsonLdContext.CACHE_CONTROL);
  }

  private static void send(RoutingContext ctx, String type, Buffer body, String cacheControl) {
    String contentType = type.equals(NTRIPLES) || type.equals(RDFXML) ? type : type + "; charset=utf-8";
    ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, contentType)
        .putHeader(HttpHeaders.CACHE_CONTROL, cacheControl)
        // JSON-LD processors in browsers fetch contexts cross-origin (JSON-LD 1.1 API §9.4.1).
        .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    if (ctx.request().method() == HttpMethod.HEAD) {
      ctx.response().putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length())).end();
    } else {
      ctx.response().end(body);
    }
  }

  /** The first offered type that the Accept header (sorted by q by Vert.x) admits; HTML when there is none. */
  static Optional<String> negotiate(List<MIMEHeader> accept) {
    if (accept.isEmpty()) {
      return Optional.of(HTML);
    }
    for (MIMEHeader header : accept) {
      if (header.weight() <= 0) {
        continue;
      }
      String alias = ALIASES.get((header.component() + "/" + header.subComponent()).toLowerCase(java.util.Locale.ROOT));
      if (alias != null) {
        return Optional.of(alias);
      }
      for (String offered : OFFERED) {
        String[] parts = offered.split("/");
        boolean component = header.component().equals("*") || header.component().equalsIgnoreCase(parts[0]);
        boolean sub = header.subComponent().equals("*") || header.subComponent().equalsIgnoreCase(parts[1]);
        if (component && sub) {
          return Optional.of(offered);
        }
      }
    }
    return Optional.empty();
  }

  private static byte[] write(Model model, RDFFormat format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RDFDataMgr.write(out, model, format);
    return out.toByteArray();
  }
}
