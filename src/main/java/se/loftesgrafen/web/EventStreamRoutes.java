package se.loftesgrafen.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import se.loftesgrafen.graph.sparql.SparqlFormat;
import se.loftesgrafen.graph.stream.EventStream;

/**
 * {@code /ldes}: the change feed as a Linked Data Event Stream (root node with one relation pair per day) and
 * {@code /ldes/<yyyy-mm-dd>}: that day's promise versions. Turtle by default, JSON-LD, N-Triples or RDF/XML by Accept.
 * The Atom feeds stay; this is for portals that replicate a stream (LDES clients).
 */
final class EventStreamRoutes {
  private static final List<SparqlFormat> FORMATS = List.of(SparqlFormat.TURTLE, SparqlFormat.JSONLD,
      SparqlFormat.NTRIPLES, SparqlFormat.RDFXML);
  private final EventStream stream;
  private final BlockingWork blocking;

  EventStreamRoutes(EventStream stream, BlockingWork blocking) {
    this.stream = stream;
    this.blocking = blocking;
  }

  void mount(Router router) {
    router.route("/ldes").method(HttpMethod.GET).handler(this::root);
    router.routeWithRegex(HttpMethod.GET, "/ldes/(\\d{4}-\\d{2}-\\d{2})").handler(this::day);
  }

  private void root(RoutingContext ctx) {
    SparqlFormat format = RdfAnswers.choose(ctx, FORMATS);
    // the root lists the days and grows with every harvest: revalidate it
    blocking.respond(ctx, () -> RdfAnswers.write(stream.rootNode().getGraph(), format), body -> {
      ctx.response().putHeader("Cache-Control", "no-cache");
      RdfAnswers.send(ctx, format, body);
    });
  }

  private void day(RoutingContext ctx) {
    SparqlFormat format = RdfAnswers.choose(ctx, FORMATS);
    LocalDate day;
    try {
      day = LocalDate.parse(ctx.pathParam("param0"));
    } catch (DateTimeParseException e) {
      throw new HttpError(404, "no such day: " + ctx.pathParam("param0"));
    }
    blocking.respond(ctx, () -> stream.dayPage(day).map(m -> RdfAnswers.write(m.getGraph(), format))
        .orElseThrow(() -> new HttpError(404, "no promise versions on " + day + "; the days are linked from /ldes")),
        body -> {
          ctx.response().putHeader("Cache-Control", "public, max-age=60");
          RdfAnswers.send(ctx, format, body);
        });
  }
}
