package se.loftesgrafen.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.graph.Graph;
import se.loftesgrafen.graph.sparql.SparqlFormat;

/**
 * What {@code /sparql} answers without a query: the SPARQL 1.1 Service Description in an RDF format, or for a
 * browser the query page (src/main/resources/web/sparql.html, with example queries). Both are made once.
 */
final class ServicePages {
  private static final List<SparqlFormat> RDF = List.of(SparqlFormat.TURTLE, SparqlFormat.JSONLD,
      SparqlFormat.NTRIPLES, SparqlFormat.RDFXML);
  private final Graph description;
  private final Buffer queryPage;
  private final Map<SparqlFormat, byte[]> rendered = new ConcurrentHashMap<>();

  /** @param baseIri the base of our IRIs: the query page links them to this service (they are names, not addresses) */
  ServicePages(Graph description, String baseIri) {
    this.description = description;
    String page = new String(resource("/web/sparql.html"), java.nio.charset.StandardCharsets.UTF_8)
        .replace("<meta charset=\"utf-8\">", "<meta charset=\"utf-8\">\n<meta name=\"base-iri\" content=\""
            + org.jsoup.nodes.Entities.escape(baseIri) + "\">");
    this.queryPage = Buffer.buffer(page.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    RDF.forEach(f -> rendered.put(f, RdfAnswers.write(description, f))); // at mount, not on the event loop
  }

  void describeEndpoint(RoutingContext ctx) {
    String accept = ctx.request().getHeader("Accept");
    if (ctx.request().getParam("format") == null
        && Conneg.prefersHtml(accept, RDF.stream().map(SparqlFormat::mediaType).toList())) {
      ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").putHeader("Vary", "Accept")
          .end(ContentLength.of(ctx.response(), queryPage));
      return;
    }
    SparqlFormat format = RdfAnswers.choose(ctx, RDF);
    RdfAnswers.send(ctx, format, rendered.get(format));
  }

  static byte[] resource(String path) {
    try (InputStream in = ServicePages.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + path, e);
    }
  }
}
