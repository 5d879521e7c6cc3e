package se.loftesgrafen.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.jena.datatypes.xsd.XSDDateTime;
import org.apache.jena.sparql.exec.RowSet;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.catalog.CatalogBuilder;
import se.loftesgrafen.graph.dump.DumpWriter;
import se.loftesgrafen.graph.sparql.SparqlFormat;

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
  private final Representations representations;
  private final DataClock clock;
  private final DumpRoutes dumps;
  /** Triples in the store, by data version: counting a national graph takes a moment. */
  private final AtomicReference<long[]> triples = new AtomicReference<>(new long[] {Long.MIN_VALUE, 0});

  CatalogRoutes(CatalogBuilder builder, PromiseStore store, Representations representations, DataClock clock, DumpRoutes dumps) {
    this.builder = builder;
    this.store = store;
    this.representations = representations;
    this.clock = clock;
    this.dumps = dumps;
  }

  void mount(Router router) {
    router.route("/datasets/dcat").method(HttpMethod.GET).handler(this::catalog);
    router.route("/.well-known/void").method(HttpMethod.GET).handler(this::voidDescription);
    // The data's licence (catalog.license), as the catalogue states it: the web page links here.
    router.route("/licence").method(HttpMethod.GET).handler(ctx -> {
      String licence = builder.license().toString();
      ctx.response().setStatusCode(303).putHeader("Location", licence)
          .putHeader("Content-Type", "text/plain; charset=utf-8")
          .end(ContentLength.of(ctx.response(), "The data are licensed under " + licence + "\n"));
    });
  }

  private void catalog(RoutingContext ctx) {
    SparqlFormat format = RdfAnswers.choose(ctx, DCAT);
    var release = dumps.release();
    answer(ctx, "dcat", format, release, () -> {
      org.apache.jena.rdf.model.Model catalog = builder.catalog(release, clock.modified(), firstHarvest());
      se.loftesgrafen.outcomes.OutcomeCatalog.loaded(store, builder.iris())
          .ifPresent(source -> se.loftesgrafen.outcomes.OutcomeCatalog.addTo(catalog, builder.iris(), source));
      return RdfAnswers.write(catalog.getGraph(), format);
    });
  }

  private void voidDescription(RoutingContext ctx) {
    SparqlFormat format = RdfAnswers.choose(ctx, VOID);
    var release = dumps.release();
    answer(ctx, "void", format, release, () -> RdfAnswers.write(builder.voidDescription(tripleCount(), release,
        clock.modified()).getGraph(), format));
  }

  /**
   * The document, rendered once per data version and dump release (which the description lists) and kept; sets
   * ETag (from the bytes) and Last-Modified (the data version, kept in the store), and answers 304 when the
   * client's copy is current.
   */
  private void answer(RoutingContext ctx, String document, SparqlFormat format,
                      java.util.Optional<DumpWriter.Release> release, java.util.concurrent.Callable<byte[]> render) {
    String key = "/" + document + "|" + release.map(r -> r.version() + "|" + r.date()).orElse("-");
    representations.get(new Representations.Key(key, format.contentType()),
        () -> new Representations.Rendered(format.contentType(), render.call())).onSuccess(r -> {
          Instant modified = clock.modifiedAt(representations.version());
          ctx.response().putHeader("ETag", r.etag()).putHeader("Last-Modified", DataClock.httpDate(modified))
              .putHeader("Vary", "Accept").putHeader("Cache-Control", "public, max-age=60");
          if (DataClock.notModified(ctx.request().getHeader("If-None-Match"),
              ctx.request().getHeader("If-Modified-Since"), r.etag(), modified)) {
            ctx.response().setStatusCode(304).end();
          } else {
            RdfAnswers.send(ctx, format, r.body());
          }
        }).onFailure(ctx::fail);
  }

  /** When the first page was harvested (the dataset's dcterms:issued); empty while the store holds no snapshot. */
  private java.util.Optional<Instant> firstHarvest() {
    return store.query(se.loftesgrafen.graph.Queries.load("first-snapshot").asQuery(), Duration.ofMinutes(1), exec -> {
      RowSet rows = exec.select();
      return java.util.Optional.ofNullable(rows.hasNext() ? rows.next().get("first") : null)
          .filter(n -> n.isLiteral() && n.getLiteralValue() instanceof XSDDateTime)
          .map(n -> ((XSDDateTime) n.getLiteralValue()).asCalendar().toInstant());
    });
  }

  private long tripleCount() {
    long version = store.version();
    long[] known = triples.get();
    if (known[0] == version) {
      return known[1];
    }
    long count = store.query(se.loftesgrafen.graph.Queries.load("count-union-triples").asQuery(),
        Duration.ofMinutes(1), exec -> {
          RowSet rows = exec.select();
          return Long.parseLong(rows.next().get("n").getLiteralLexicalForm());
        });
    triples.set(new long[] {version, count});
    return count;
  }
}
