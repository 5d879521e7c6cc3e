package se.loftesgrafen.web;

import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.dump.DumpWriter;

/**
 * {@code /dumps/}: the whole graph per release as N-Quads (gzip), JSON-LD and a CSV of commitments, and
 * {@code release.json}. A release is written on its own worker thread when a request finds the data version changed;
 * meanwhile the previous release is served (or 503 with Retry-After when there is none yet). Files go out with
 * sendFile (zero copy), an ETag from the release and its file checksum, and 304 on revalidation.
 */
final class DumpRoutes {
  private static final Logger LOG = LoggerFactory.getLogger("dumps");
  /**
   * The {@code .nq.gz} is a gzip file (RFC 6713), sent as it is: a browser saves the file gunzip reads, a client gets
   * the bytes the name promises. The N-Quads as such are at {@link DumpWriter#NQUADS_PLAIN}.
   */
  private static final Map<String, String> TYPES = Map.of(
      DumpWriter.NQUADS, "application/gzip", DumpWriter.NQUADS_PLAIN, "application/n-quads",
      DumpWriter.JSONLD, "application/ld+json",
      DumpWriter.CSV, "text/csv; charset=utf-8",
      // CSVW metadata is JSON-LD (CSVW tabular-metadata §4): riot, rdflib and Comunica read that type, and none of
      // them knows application/csvm+json; csvw tools find the file by its name beside the CSV
      DumpWriter.CSV_METADATA, "application/ld+json");
  private final DumpWriter writer;
  private final PromiseStore store;
  private final WorkerExecutor executor;
  private final Metrics metrics;
  private final AtomicReference<Optional<DumpWriter.Release>> release = new AtomicReference<>(Optional.empty());
  private final AtomicBoolean writing = new AtomicBoolean();
  private final Vertx vertx;
  private final long timer;
  /** The release being written, if any: closing waits for it, so the store is not closed under its read. */
  private volatile io.vertx.core.Future<?> writingNow = io.vertx.core.Future.succeededFuture();

  DumpRoutes(DumpWriter writer, PromiseStore store, Vertx vertx, Metrics metrics) {
    this.writer = writer;
    this.store = store;
    this.vertx = vertx;
    this.executor = vertx.createSharedWorkerExecutor("dumps", 1, 2, TimeUnit.HOURS);
    this.metrics = metrics;
    release.set(writer.current()); // read at mount, off the event loop
    // A release follows the data by itself, not only when someone asks for a dump: the catalogue states sizes and
    // dates of the files /dumps/ serves, and they should be there before the first download.
    refreshIfStale();
    this.timer = vertx.setPeriodic(STALE_CHECK_MILLIS, id -> refreshIfStale());
  }

  /** How often the data version is compared with the release's (a number read from memory). */
  private static final long STALE_CHECK_MILLIS = 30_000;

  void mount(Router router) {
    // HEAD too (WebServer adds it to every GET route): portals check that a distribution is there before they link it.
    router.route("/dumps/:file").method(HttpMethod.GET).handler(this::file);
    router.get("/dumps").handler(ctx -> {
      String text = "Redirecting to /dumps/release.json.";
      ctx.response().setStatusCode(302).putHeader("Location", "/dumps/release.json")
          .putHeader("Content-Type", "text/plain; charset=utf-8").end(ContentLength.of(ctx.response(), text));
    });
  }

  /** The release being served, if any. */
  Optional<DumpWriter.Release> release() {
    refreshIfStale();
    return release.get();
  }

  private void file(RoutingContext ctx) {
    String name = ctx.pathParam("file");
    if (!name.equals(DumpWriter.RELEASE) && !TYPES.containsKey(name)) {
      throw new HttpError(404, "no dump named " + name + "; the dumps are " + TYPES.keySet() + " and release.json");
    }
    Optional<DumpWriter.Release> current = release();
    if (current.isEmpty()) {
      ctx.response().putHeader("Retry-After", "30");
      throw new HttpError(503, "the first release of the dumps is being written; try again in a minute");
    }
    DumpWriter.Release r = current.get();
    ctx.response().putHeader("Access-Control-Allow-Origin", "*");
    if (name.equals(DumpWriter.RELEASE)) {
      try {
        ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-cache")
            .end(ContentLength.of(ctx.response(), Buffer.buffer(DumpWriter.json(r))));
      } catch (java.io.IOException e) {
        ctx.fail(e);
      }
      return;
    }
    boolean plain = name.equals(DumpWriter.NQUADS_PLAIN);
    String file = plain ? DumpWriter.NQUADS : name;
    boolean gzipCoded = plain && acceptsGzip(ctx.request().getHeader("Accept-Encoding"));
    String sha = r.files().stream().filter(f -> f.name().equals(file)).findFirst().map(DumpWriter.DumpFile::sha256)
        .orElse("");
    // one ETag per representation: the gzip-coded and the decompressed N-Quads differ in their bytes (RFC 9110 8.8.3)
    String etag = "\"" + sha.substring(0, Math.min(20, sha.length())) + (plain ? (gzipCoded ? "-nq-gz" : "-nq") : "")
        + "\"";
    if (plain) {
      ctx.response().putHeader("Vary", "Accept-Encoding");
    }
    Instant date = Instant.parse(r.date()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    ctx.response().putHeader("ETag", etag).putHeader("Last-Modified", DataClock.httpDate(date))
        .putHeader("Cache-Control", "public, max-age=300");
    if (DataClock.notModified(ctx.request().getHeader("If-None-Match"), ctx.request().getHeader("If-Modified-Since"),
        etag, date)) {
      ctx.response().setStatusCode(304).end();
      return;
    }
    ctx.response().putHeader("Content-Type", TYPES.get(name))
        .putHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
    if (gzipCoded) {
      // the gzip file as the coding of the N-Quads (RFC 9110 8.4): riot, rdflib and Comunica decode it
      ctx.response().putHeader("Content-Encoding", "gzip");
    }
    java.nio.file.Path path = writer.filesOf(r).resolve(file);
    if (plain && !gzipCoded) {
      ctx.response().putHeader("Content-Length", Long.toString(r.nquadsBytes()));
      if (ctx.request().method() == HttpMethod.HEAD) {
        ctx.response().end();
      } else {
        vertx.executeBlocking(() -> gunzipTo(path, ctx.response()), false)
            .onFailure(e -> {
              LOG.info("dumps: {} not sent decompressed: {}", name, e.toString());
              ctx.response().reset();
            });
      }
      return;
    }
    if (ctx.request().method() == HttpMethod.HEAD) { // sendFile would send the body even for HEAD
      long bytes = r.files().stream().filter(f -> f.name().equals(file)).findFirst().map(DumpWriter.DumpFile::bytes)
          .orElse(0L);
      ctx.response().putHeader("Content-Length", Long.toString(bytes)).end();
      return;
    }
    ctx.response().sendFile(path.toString());
  }

  /**
   * Whether an Accept-Encoding header allows gzip (RFC 9110 12.5.3): named, or "*", with a non-zero weight, and not
   * refused by name. No header: the client takes the content as it is (identity).
   */
  static boolean acceptsGzip(String header) {
    if (header == null) {
      return false;
    }
    Double gzip = null;
    Double any = null;
    for (String part : header.split(",")) {
      String[] pieces = part.trim().split(";");
      String coding = pieces[0].trim().toLowerCase(java.util.Locale.ROOT);
      double q = 1;
      for (int i = 1; i < pieces.length; i++) {
        String param = pieces[i].trim();
        if (param.startsWith("q=") || param.startsWith("Q=")) {
          try {
            q = Double.parseDouble(param.substring(2).trim());
          } catch (NumberFormatException e) {
            q = 0; // a weight that does not parse allows nothing
          }
        }
      }
      if (coding.equals("gzip") || coding.equals("x-gzip")) {
        gzip = q;
      } else if (coding.equals("*")) {
        any = q;
      }
    }
    return gzip != null ? gzip > 0 : any != null && any > 0;
  }

  /**
   * Streams the N-Quads decompressed to a client that takes no gzip: on a worker thread, one 64 KB chunk at a time,
   * each written before the next is read, so a slow client holds no more than that in memory.
   */
  private static Void gunzipTo(java.nio.file.Path gz, io.vertx.core.http.HttpServerResponse response)
      throws Exception {
    try (java.io.InputStream in = new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(gz), 1 << 16)) {
      byte[] chunk = new byte[1 << 16];
      int n;
      while ((n = in.readNBytes(chunk, 0, chunk.length)) > 0) {
        response.write(Buffer.buffer(java.util.Arrays.copyOf(chunk, n))).toCompletionStage().toCompletableFuture()
            .get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
    }
    response.end();
    return null;
  }

  /** A client that takes no chunk of the decompressed N-Quads for this long loses the answer. */
  private static final long WRITE_TIMEOUT_SECONDS = 60;

  /** Starts writing a release when the data changed since the last one, unless one is being written. */
  private void refreshIfStale() {
    long version = store.version();
    if (release.get().map(r -> r.version() == version).orElse(false) || !writing.compareAndSet(false, true)) {
      return;
    }
    long start = System.nanoTime();
    writingNow = executor.executeBlocking(writer::write, true).onComplete(ar -> {
      writing.set(false);
      if (ar.succeeded()) {
        release.set(Optional.of(ar.result()));
        metrics.observe("loftesgrafen_dump_seconds", "Time to write one release of the dumps", Map.of(),
            (System.nanoTime() - start) / 1e9);
        LOG.info("dumps: release {} written to {}", ar.result().version(), writer.filesOf(ar.result()));
      } else {
        LOG.warn("dumps: writing release {} failed: {}", version, ar.cause().toString());
      }
    });
  }

  /** Stops checking for new data and completes once a release being written is done. */
  io.vertx.core.Future<Void> close() {
    vertx.cancelTimer(timer);
    return writingNow.transform(ar -> executor.close());
  }
}
