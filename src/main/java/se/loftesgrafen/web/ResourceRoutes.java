package se.loftesgrafen.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.shared.PrefixMapping;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.ResourceDescriber;

/** Dereferences the IRIs we mint under {@code /id/}: walking skeleton, JSON-LD only. */
final class ResourceRoutes {
  private final ResourceDescriber describer;
  private final BlockingWork blocking;
  private final Iris iris;

  ResourceRoutes(ResourceDescriber describer, BlockingWork blocking, Iris iris) {
    this.describer = describer;
    this.blocking = blocking;
    this.iris = iris;
  }

  void mount(Router router) {
    router.get("/id/*").handler(this::resource);
  }

  private void resource(RoutingContext ctx) {
    String iri = iris.base() + ctx.request().path().substring(1);
    blocking.respond(ctx, () -> {
      Graph graph = describer.describe(ResourceFactory.createResource(iri));
      if (graph.isEmpty()) {
        throw new HttpError(404, "no such resource: " + iri + " (try /sparql to search the graph)");
      }
      graph.getPrefixMapping().setNsPrefixes(PrefixMapping.Standard).setNsPrefix("lg", se.loftesgrafen.vocab.LG.NS)
          .setNsPrefix("schema", "http://schema.org/").setNsPrefix("dcat", "http://www.w3.org/ns/dcat#")
          .setNsPrefix("prov", "http://www.w3.org/ns/prov#").setNsPrefix("dcterms", "http://purl.org/dc/terms/");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      RDFWriter.source(graph).format(RDFFormat.JSONLD11_PRETTY).output(out);
      return out.toByteArray();
    }, body -> ctx.response().putHeader("Content-Type", "application/ld+json").putHeader("Vary", "Accept")
        .end(Buffer.buffer(body)));
  }
}
