package se.loftesgrafen.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFWriter;
import se.loftesgrafen.graph.sparql.SparqlFormat;

/** Graphs answered in the RDF format the client negotiates; shared by the catalog, VoID and service description. */
final class RdfAnswers {
  private RdfAnswers() {}

  /** The RDF format for {@code accept} among {@code offers} (first = default); 406 when none suits. */
  static SparqlFormat choose(RoutingContext ctx, List<SparqlFormat> offers) {
    String param = ctx.request().getParam("format");
    if (param != null) {
      return SparqlFormat.byName(param, offers)
          .orElseThrow(() -> new HttpError(400, "unknown format '" + param + "'; use one of "
              + offers.stream().map(SparqlFormat::shortName).toList()));
    }
    String accept = ctx.request().getHeader("Accept");
    List<String> types = new java.util.ArrayList<>(offers.stream().map(SparqlFormat::mediaType).toList());
    if (offers.contains(SparqlFormat.JSONLD)) {
      types.add("application/json"); // JSON-LD is JSON: a client asking for JSON reads it (JSON-LD 1.1, 9.1)
    }
    String chosen = Conneg.choose(accept, types).orElseThrow(() -> new HttpError(406,
        "no acceptable type in Accept: " + accept + "; available: " + types));
    return chosen.equals("application/json") ? SparqlFormat.JSONLD : SparqlFormat.byName(chosen).orElseThrow();
  }

  static byte[] write(Graph graph, SparqlFormat format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RDFWriter.source(graph).format(format.rdfFormat()).output(out);
    return out.toByteArray();
  }

  static void send(RoutingContext ctx, SparqlFormat format, byte[] body) {
    ctx.response().putHeader("Content-Type", format.contentType()).putHeader("Vary", "Accept")
        .putHeader("Access-Control-Allow-Origin", "*").end(ContentLength.of(ctx.response(), Buffer.buffer(body)));
  }
}
