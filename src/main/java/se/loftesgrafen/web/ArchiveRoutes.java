package se.loftesgrafen.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.nodes.Entities;
import se.loftesgrafen.journalist.ArchivedPages;

/**
 * The archived page (issue 13): a snapshot's page or PDF as it was fetched, read back from its WARC record.
 *
 * <ul>
 *   <li>{@code GET /archive/{id}}: our own page with a banner naming the source URL, fetch time and SHA-256, and the
 *   archived page in a sandboxed frame (for a PDF: its text, and the file to download);</li>
 *   <li>{@code GET /archive/{id}/content}: the bytes as fetched, under a Content-Security-Policy sandbox with no
 *   scripts, no plugins and no request to any site ({@code default-src 'none'}: an archived page that loads images,
 *   styles or scripts from its own site shows without them), never sniffed into another type.</li>
 * </ul>
 * {@code id} is the last segment of the snapshot IRI ({@code /id/snapshot/{id}}, whose triples stay there).
 */
final class ArchiveRoutes {
  /** The archived bytes: a unique opaque origin, nothing runs, nothing is fetched but inline styles and data: images. */
  static final String CONTENT_POLICY = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
      + "font-src data:; form-action 'none'; frame-ancestors 'self'";
  /** Our banner page: its own stylesheet and the archived frame, nothing else. */
  static final String PAGE_POLICY = "default-src 'none'; style-src 'self' 'unsafe-inline'; frame-src 'self'; "
      + "img-src 'self' data:; form-action 'none'; base-uri 'none'";
  private static final int PDF_PAGES = 60;
  private final ArchivedPages pages;
  private final BlockingWork blocking;

  ArchiveRoutes(ArchivedPages pages, BlockingWork blocking) {
    this.pages = pages;
    this.blocking = blocking;
  }

  void mount(Router router) {
    router.get("/archive/:id").handler(this::page);
    router.get("/archive/:id/content").handler(this::content);
  }

  private ArchivedPages.Copy copy(RoutingContext ctx) throws java.io.IOException {
    String id = ctx.pathParam("id");
    if (!ArchivedPages.validId(id)) {
      throw new HttpError(404, "no snapshot '" + id + "': snapshot ids look like 18c0cd2f0d38-65e7c11faadc3906");
    }
    var snapshot = pages.find(id).orElseThrow(() -> new HttpError(404, "no snapshot " + id + " in the store"));
    return pages.read(snapshot);
  }

  private void content(RoutingContext ctx) {
    blocking.respond(ctx, () -> copy(ctx), copy -> {
      if (!(copy instanceof ArchivedPages.Archived a)) {
        ctx.fail(new HttpError(404, "no archived copy of " + copy.snapshot().url() + ": "
            + ((ArchivedPages.NotArchived) copy).detail()));
        return;
      }
      ctx.response().putHeader("Content-Type", a.contentType())
          .putHeader("Content-Security-Policy", CONTENT_POLICY)
          .putHeader("X-Content-Type-Options", "nosniff")
          .putHeader("Referrer-Policy", "no-referrer")
          .putHeader("Cross-Origin-Resource-Policy", "same-origin")
          .putHeader("Content-Disposition", a.pdf() ? "attachment; filename=\"archived.pdf\"" : "inline")
          .putHeader("Cache-Control", "public, max-age=86400, immutable") // a snapshot's bytes never change
          .end(ContentLength.of(ctx.response(), Buffer.buffer(a.body())));
    });
  }

  private void page(RoutingContext ctx) {
    boolean en = "en".equals(ctx.request().getParam("lang"));
    blocking.respond(ctx, () -> {
      ArchivedPages.Copy copy = copy(ctx);
      List<String> pdf = copy instanceof ArchivedPages.Archived a && a.pdf()
          ? ArchivedPages.pdfPages(a.body(), PDF_PAGES) : List.of();
      return html(copy, pdf, en, ctx.pathParam("id"));
    }, html -> ctx.response().setStatusCode(html.status())
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Content-Security-Policy", PAGE_POLICY)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .end(ContentLength.of(ctx.response(), Buffer.buffer(html.body().getBytes(StandardCharsets.UTF_8)))));
  }

  private record Html(int status, String body) {
  }

  private static Html html(ArchivedPages.Copy copy, List<String> pdf, boolean en, String id) {
    var s = copy.snapshot();
    String title = (en ? "Archived copy of " : "Arkiverad kopia av ") + s.url();
    StringBuilder b = new StringBuilder(4096);
    b.append("<!doctype html>\n<html lang=\"").append(en ? "en" : "sv").append("\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").append(esc(title))
        .append(" – Löftesgrafen</title><link rel=\"stylesheet\" href=\"../archive.css\"></head><body>\n")
        .append("<header class=\"archive-banner\" role=\"banner\"><p class=\"what\"><strong>")
        .append(en ? "Archived copy" : "Arkiverad kopia").append("</strong> ")
        .append(en ? "of the page as Löftesgrafen fetched it. Scripts and requests to other sites are switched off."
            : "av sidan så som Löftesgrafen hämtade den. Skript och anrop till andra webbplatser är avstängda.")
        .append("</p><dl>")
        .append("<dt>").append(en ? "Source" : "Källa").append("</dt><dd><a class=\"source-url\" rel=\"noopener noreferrer external\" href=\"")
        .append(esc(s.url())).append("\">").append(esc(s.url())).append("</a></dd>")
        .append("<dt>").append(en ? "Fetched" : "Hämtad").append("</dt><dd><time class=\"fetched\" datetime=\"")
        .append(esc(s.fetchedAt())).append("\">").append(esc(s.fetchedAt())).append("</time></dd>")
        .append("<dt>SHA-256</dt><dd><code class=\"sha256\">").append(esc(s.sha256())).append("</code></dd>");
    s.replacedAt().ifPresent(t -> b.append("<dt>").append(en ? "Replaced" : "Ersatt").append("</dt><dd>")
        .append(en ? "a later fetch replaced this copy at " : "en senare hämtning ersatte kopian ").append(esc(t))
        .append("</dd>"));
    b.append("</dl><p class=\"links\"><a href=\"../id/snapshot/").append(esc(id)).append("\">")
        .append(en ? "Provenance (RDF)" : "Härkomst (RDF)").append("</a> · <a href=\"../").append(en ? "?lang=en" : "")
        .append("\">Löftesgrafen</a>");
    int status = 200;
    if (copy instanceof ArchivedPages.Archived a) {
      b.append(" · <a href=\"").append(esc(id)).append("/content\" download>")
          .append(en ? "Download as fetched" : "Ladda ned som hämtad").append("</a></p></header>\n");
      if (a.pdf()) {
        b.append("<main class=\"pdf-text\"><p class=\"hint\">").append(en
            ? "A PDF: its text is shown here, page by page; download it to see it as it was published."
            : "En PDF: dess text visas här sida för sida; ladda ned den för att se den som den publicerades.")
            .append("</p>");
        for (int i = 0; i < pdf.size(); i++) {
          b.append("<section class=\"pdf-page\"><h2>").append(en ? "Page " : "Sida ").append(i + 1)
              .append("</h2><pre>").append(esc(pdf.get(i))).append("</pre></section>");
        }
        b.append("</main>");
      } else {
        b.append("<iframe class=\"archived\" sandbox=\"\" referrerpolicy=\"no-referrer\" title=\"").append(esc(title))
            .append("\" src=\"").append(esc(id)).append("/content\"></iframe>");
      }
    } else {
      ArchivedPages.NotArchived missing = (ArchivedPages.NotArchived) copy;
      status = missing.reason() == ArchivedPages.Reason.CORRUPT ? 500 : 404;
      b.append("</p></header>\n<main><p class=\"no-copy\">").append(switch (missing.reason()) {
        case NO_RECORD -> en ? "No archived copy: this page was read from a local file (such as the bundled sample),"
            + " not fetched over HTTP, so no WARC record was written."
            : "Ingen arkiverad kopia: sidan lästes från en lokal fil (som exemplen som följer med programmet), inte"
            + " över HTTP, så ingen WARC-post skrevs.";
        case MISSING -> en ? "The archived copy is missing from this service's store."
            : "Den arkiverade kopian saknas i tjänstens lager.";
        case CORRUPT -> en ? "The archived copy does not match its recorded hash and is not shown."
            : "Den arkiverade kopian stämmer inte med sin kontrollsumma och visas inte.";
      }).append("</p></main>");
    }
    b.append("\n</body></html>\n");
    return new Html(status, b.toString());
  }

  private static String esc(String s) {
    return Entities.escape(s);
  }
}
