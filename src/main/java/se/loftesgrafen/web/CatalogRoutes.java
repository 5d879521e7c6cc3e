package se.loftesgrafen.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.jena.sparql.exec.RowSet;
import se.loftesgrafen.graph.CatalogBuilder;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.SparqlFormat;

/**
 * The service's descriptions for data portals: DCAT-AP-SE at {@code /datasets/dcat} (RDF/XML unless the client
 * asks for Turtle, JSON-LD or N-Triples; dataportal.se harvests RDF/XML) and VoID at {@code /.well-known/void}
 * (RFC 5785 well-known location of the VoID specification, section 7).
 */
final class CatalogRoutes {
  private static final List<SparqlFormat> DCAT = List.of(SparqlFormat.RDFXML, SparqlFormat.TURTLE,
      SparqlFormat.JSONLD, SparqlFormat.NTRIPLES);
  private static final List<SparqlFormat> VOID = List.of(SparqlFormat.TURTLE, SparqlFormat.RDFXML,
      SparqlFormat.JSONLD, SparqlFormat.NTRIPLES);
  private final CatalogBuilder builder;
  private final PromiseStore store;
  private final BlockingWork blocking;
  private final DataClock clock;
  private final DumpRoutes dumps;
  /** Triples in the store, by data version: counting a national graph takes a moment. */
  private final AtomicReference<long[]> triples = new AtomicReference<>(new long[] {Long.MIN_VALUE, 0});

  CatalogRoutes(CatalogBuilder builder, PromiseStore store, BlockingWork blocking, DataClock clock, DumpRoutes dumps) {
    this.builder = builder;
    this.store = store;
    this.blocking = blocking;
    this.clock = clock;
    this.dumps = dumps;
  }

  void mount(Router router) {
    router.get("/datasets/dcat").handler(this::catalog);
    router.get("/.well-known/void").handler(this::voidDescription);
  }

  private void catalog(RoutingContext ctx) {
    SparqlFormat format = RdfAnswers.choose(ctx, DCAT);
    var release = dumps.release();
    var modified = clock.modified();
    blocking.respond(ctx, () -> RdfAnswers.write(builder.catalog(release, modified).getGraph(), format),
        body -> RdfAnswers.send(ctx, format, body));
  }

  private void voidDescription(RoutingContext ctx) {
    SparqlFormat format = RdfAnswers.choose(ctx, VOID);
    var release = dumps.release();
    var modified = clock.modified();
    blocking.respond(ctx, () -> RdfAnswers.write(builder.voidDescription(tripleCount(), release, modified).getGraph(),
        format), body -> RdfAnswers.send(ctx, format, body));
  }

  private long tripleCount() {
    long version = store.version();
    long[] known = triples.get();
    if (known[0] == version) {
      return known[1];
    }
    long count = store.query(se.loftesgrafen.graph.Queries.load("count-quads").asQuery(),
        Duration.ofMinutes(1), exec -> {
          RowSet rows = exec.select();
          return Long.parseLong(rows.next().get("n").getLiteralLexicalForm());
        });
    triples.set(new long[] {version, count});
    return count;
  }
}
