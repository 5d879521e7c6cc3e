package se.loftesgrafen.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.ResourceFactory;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.describe.JsonLdFramer;
import se.loftesgrafen.graph.describe.ResourceDescriber;
import se.loftesgrafen.graph.sparql.SparqlFormat;

/**
 * Dereferences the IRIs we mint under {@code /id/} (municipalities, counties, promises, commitments, snapshots,
 * concepts, ...) with content negotiation: JSON-LD with our context (framed), Turtle, N-Triples, RDF/XML, or HTML
 * for browsers. Each representation is rendered once per data version and kept ({@link Representations}); answers
 * carry {@code Vary: Accept}, an ETag from the bytes and Last-Modified (the data version), and a conditional GET
 * for a kept representation is answered 304 without touching the store. The context itself is served by
 * VocabRoutes.
 */
final class ResourceRoutes {
  private static final List<SparqlFormat> RDF = List.of(SparqlFormat.TURTLE, SparqlFormat.JSONLD,
      SparqlFormat.NTRIPLES, SparqlFormat.RDFXML);
  private final ResourceDescriber describer;
  private final Representations representations;
  private final Iris iris;
  private final PromiseStore store;
  private final DataClock clock;
  private final JsonLdFramer jsonld;
  private final ResourcePage page;
  /** Characters that RFC 3987's ipath allows: unreserved (any non-ASCII included), sub-delims, ':', '@', '/', '%'. */
  private static final java.util.regex.Pattern IRI_PATH =
      java.util.regex.Pattern.compile("[^\\x00-\\x20<>\"{}|\\\\^`\\x7f]*");

  ResourceRoutes(ResourceDescriber describer, Representations representations, Iris iris, PromiseStore store, DataClock clock,
                 JsonLdFramer jsonld) {
    this.describer = describer;
    this.representations = representations;
    this.iris = iris;
    this.store = store;
    this.clock = clock;
    this.jsonld = jsonld;
    this.page = new ResourcePage(iris.base());
  }

  void mount(Router router) {
    router.route("/id/*").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::resource);
    // Named graphs we mint (graph/vocab) dereference to their content.
    router.route("/graph/*").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::resource);
  }

  private void resource(RoutingContext ctx) {
    String path = ctx.request().path().substring(1);
    if (!IRI_PATH.matcher(path).matches()) {
      throw new HttpError(400, "'/" + path + "' cannot be part of an IRI (RFC 3987: no spaces, quotes, <, >, {, },"
          + " |, \\, ^ or `; percent-encode them)");
    }
    String iri = iris.base() + path;
    boolean html = "html".equals(ctx.request().getParam("format")) || ctx.request().getParam("format") == null
        && Conneg.prefersHtml(ctx.request().getHeader("Accept"), RDF.stream().map(SparqlFormat::mediaType).toList());
    SparqlFormat format = html ? null : RdfAnswers.choose(ctx, RDF);
    String type = html ? "text/html; charset=utf-8" : format.contentType();
    boolean namedGraph = ctx.request().path().startsWith("/graph/");
    Representations.Key key = new Representations.Key(iri, type);
    // The renderer depends on the IRI and the format only: the read-ahead calls it again after a change.
    representations.get(key, () -> new Representations.Rendered(type, render(iri, namedGraph, format)))
        .onSuccess(r -> send(ctx, r))
        .onFailure(ctx::fail);
  }

  /** Sends a kept representation, or 304 when the client's copy is current (RFC 9110, 13.1). */
  private void send(RoutingContext ctx, Representations.Representation r) {
    Instant modified = clock.modifiedAt(representations.version());
    ctx.response().putHeader("Vary", "Accept").putHeader("ETag", r.etag())
        .putHeader("Last-Modified", DataClock.httpDate(modified)).putHeader("Cache-Control", "public, max-age=60")
        .putHeader("Access-Control-Allow-Origin", "*");
    if (DataClock.notModified(ctx.request().getHeader("If-None-Match"), ctx.request().getHeader("If-Modified-Since"),
        r.etag(), modified)) {
      ctx.response().setStatusCode(304).end();
      return;
    }
    ctx.response().putHeader("Content-Type", r.contentType())
        .end(ContentLength.of(ctx.response(), Buffer.buffer(r.body())));
  }

  /** On a worker: the description (or named graph) in {@code format}, or as HTML when it is null; 404 when empty. */
  private byte[] render(String iri, boolean namedGraph, SparqlFormat format) {
    Graph graph = namedGraph ? store.graph(NodeFactory.createURI(iri))
        : describer.describe(ResourceFactory.createResource(iri));
    if (graph.isEmpty()) {
      // Rendered before any condition is looked at: an unknown IRI is a 404 whatever If-None-Match says
      throw notFound(iri);
    }
    if (format == null) {
      return page.render(graph, iri, graph.getPrefixMapping());
    }
    return format == SparqlFormat.JSONLD && !namedGraph ? jsonld.write(graph, iri) : RdfAnswers.write(graph, format);
  }

  private HttpError notFound(String iri) {
    return new HttpError(404, "no such resource: " + iri + ". Our IRIs are id/kommun/{SCB code} (e.g. "
        + iris.municipality("1492").getURI() + "), id/lan/{county code}, id/tema/{theme id}, "
        + "id/lofte/{codes}/{period}, id/snapshot/{hash}; find them with SPARQL at " + iris.page("sparql").getURI());
  }
}
