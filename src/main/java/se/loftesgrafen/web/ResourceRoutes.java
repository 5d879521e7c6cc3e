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
import se.loftesgrafen.graph.JsonLdFramer;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.ResourceDescriber;
import se.loftesgrafen.graph.SparqlFormat;

/**
 * Dereferences the IRIs we mint under {@code /id/} (municipalities, counties, promises, commitments, snapshots,
 * concepts, ...) with content negotiation: JSON-LD with our context (framed), Turtle, N-Triples, RDF/XML, or HTML
 * for browsers. Answers carry {@code Vary: Accept}, an ETag from data version, IRI and format, and Last-Modified;
 * a conditional GET on unchanged data is answered 304 without touching the store. The context itself is
 * served by VocabRoutes.
 */
final class ResourceRoutes {
  private static final List<SparqlFormat> RDF = List.of(SparqlFormat.TURTLE, SparqlFormat.JSONLD,
      SparqlFormat.NTRIPLES, SparqlFormat.RDFXML);
  private final ResourceDescriber describer;
  private final BlockingWork blocking;
  private final Iris iris;
  private final PromiseStore store;
  private final DataClock clock;
  private final JsonLdFramer jsonld;
  private final ResourcePage page;
  /** Characters that RFC 3987's ipath allows: unreserved (any non-ASCII included), sub-delims, ':', '@', '/', '%'. */
  private static final java.util.regex.Pattern IRI_PATH =
      java.util.regex.Pattern.compile("[^\\x00-\\x20<>\"{}|\\\\^`\\x7f]*");

  ResourceRoutes(ResourceDescriber describer, BlockingWork blocking, Iris iris, PromiseStore store, DataClock clock,
                 JsonLdFramer jsonld) {
    this.describer = describer;
    this.blocking = blocking;
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
    long version = store.version();
    Instant modified = clock.modifiedAt(version);
    String etag = "\"" + Iris.sha256Hex((version + "|" + iri + "|" + type).getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .substring(0, 20) + "\"";
    ctx.response().putHeader("Vary", "Accept").putHeader("ETag", etag)
        .putHeader("Last-Modified", DataClock.httpDate(modified)).putHeader("Cache-Control", "public, max-age=60")
        .putHeader("Access-Control-Allow-Origin", "*");
    String ifNoneMatch = ctx.request().getHeader("If-None-Match");
    if (DataClock.notModified(ifNoneMatch, ctx.request().getHeader("If-Modified-Since"), etag, modified)) {
      if (ifNoneMatch != null && ifNoneMatch.contains(etag.replaceFirst("^W/", ""))) {
        ctx.response().setStatusCode(304).end(); // the client has this IRI's answer at this data version: it exists
        return;
      }
      // "*" or a date say nothing of existence: an unknown IRI is a 404 before any condition (RFC 9110, 13.2.1)
      blocking.respond(ctx, () -> describe(ctx, iri).isEmpty(), unknown -> {
        if (unknown) {
          ctx.fail(notFound(iri));
        } else {
          ctx.response().setStatusCode(304).end();
        }
      });
      return;
    }
    blocking.respond(ctx, () -> {
      boolean namedGraph = ctx.request().path().startsWith("/graph/");
      Graph graph = describe(ctx, iri);
      if (graph.isEmpty()) {
        throw notFound(iri);
      }
      if (html) {
        return page.render(graph, iri, graph.getPrefixMapping());
      }
      return format == SparqlFormat.JSONLD && !namedGraph ? jsonld.write(graph, iri) : RdfAnswers.write(graph, format);
    }, body -> ctx.response().putHeader("Content-Type", type).end(Buffer.buffer(body)));
  }

  private Graph describe(RoutingContext ctx, String iri) {
    return ctx.request().path().startsWith("/graph/") ? store.graph(NodeFactory.createURI(iri))
        : describer.describe(ResourceFactory.createResource(iri));
  }

  private HttpError notFound(String iri) {
    return new HttpError(404, "no such resource: " + iri + ". Our IRIs are id/kommun/{SCB code} (e.g. "
        + iris.municipality("1492").getURI() + "), id/lan/{county code}, id/tema/{theme id}, "
        + "id/lofte/{codes}/{period}, id/snapshot/{hash}; find them with SPARQL at " + iris.page("sparql").getURI());
  }
}
