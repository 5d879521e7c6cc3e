package se.loftesgrafen.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import se.loftesgrafen.graph.compare.Comparison;
import se.loftesgrafen.graph.compare.ComparisonResults;
import se.loftesgrafen.graph.compare.MunicipalityLookup;

/**
 * The main facts of the home page and of a municipality's page written by the server into {@code index.html}, so
 * that a reader mode, a search engine, an archive or a browser without JavaScript sees them: on {@code /} the
 * municipalities with a promise, on {@code /?kommun=1492} its promises with their commitments. The script hides
 * this block when it draws the interactive view; a {@code <noscript>} note says what needs JavaScript. HTML is
 * built with Jsoup's element API (every text escaped), on the worker pool.
 */
final class ServerRenderedPage {
  private final ComparisonRoutes comparison;
  private final Document template;
  private final MunicipalityLookup lookup;

  private ServerRenderedPage(ComparisonRoutes comparison, Document template) {
    this.comparison = comparison;
    this.template = template;
    this.lookup = new MunicipalityLookup(comparison.queries().register().all());
  }

  /** Mounts {@code GET /} (and {@code /index.html}); the template is read once, here. */
  static void mount(Router router, ComparisonRoutes comparison) {
    ServerRenderedPage page = new ServerRenderedPage(comparison, Jsoup.parse(read(), "/"));
    for (String path : List.of("/", "/index.html")) {
      router.route(path).method(io.vertx.core.http.HttpMethod.GET).method(io.vertx.core.http.HttpMethod.HEAD)
          .handler(page::handle);
    }
  }

  private void handle(RoutingContext ctx) {
    String view = Optional.ofNullable(ctx.request().getParam("view")).orElse("");
    String kommun = Optional.ofNullable(ctx.request().getParam("kommun")).orElse("");
    if (!view.isEmpty() && kommun.isEmpty() || "en".equals(ctx.request().getParam("lang"))) {
      ctx.next(); // the other views (and English) are drawn by the script from the static page
      return;
    }
    comparison.answer(ctx, () -> {
      Document doc = template.clone();
      Element facts = new Element("section").attr("id", "server-facts").attr("aria-label", "Sammanfattning");
      Optional<Comparison.Municipality> m = kommun.isEmpty() ? Optional.empty() : lookup.find(kommun).unique();
      if (m.isPresent()) {
        municipality(facts, m.get());
      } else {
        home(facts);
      }
      Element main = doc.getElementById("main");
      main.prependChild(facts);
      main.prependElement("noscript").appendElement("p").addClass("hint").text("Sökningen, kartan, "
          + "diagrammen och filtren behöver JavaScript. Här nedan står det viktigaste ändå.");
      return new ComparisonRoutes.Answer("text/html;charset=UTF-8", doc.outerHtml().getBytes(StandardCharsets.UTF_8));
    });
  }

  private void home(Element facts) {
    List<ComparisonResults.Coverage> withPromise = comparison.queries().coverage().stream()
        .filter(c -> c.latest().isPresent()).toList();
    facts.appendElement("h2").text("Kommuner med hämtade medborgarlöften (" + withPromise.size() + " av "
        + comparison.queries().register().size() + ")");
    Element list = facts.appendElement("ul").addClass("server-municipalities");
    for (ComparisonResults.Coverage c : withPromise) {
      Element li = list.appendElement("li");
      li.appendElement("a").attr("href", "./?kommun=" + c.municipality().code()).text(c.municipality().name());
      c.latest().flatMap(Comparison.Promise::years).ifPresent(y -> li.appendText(" – senaste löfte " + span(y)));
    }
  }

  private void municipality(Element facts, Comparison.Municipality m) {
    facts.appendElement("h2").text(m.name() + " (" + m.county() + ", SCB " + m.code() + ")");
    List<ComparisonResults.TimelineEntry> entries = comparison.queries().timeline(m.code());
    if (entries.isEmpty()) {
      facts.appendElement("p").text("Inga medborgarlöften hämtade för " + m.name() + ".");
    }
    for (ComparisonResults.TimelineEntry e : entries.reversed()) {
      Element promise = facts.appendElement("article").addClass("server-promise");
      promise.appendElement("h3").text(e.promise().years().map(ServerRenderedPage::span).orElse("–")
          + (e.promise().title().isEmpty() ? "" : " · " + e.promise().title()));
      Element list = promise.appendElement("ul").addClass("server-commitments");
      for (Comparison.Commitment c : e.commitments()) {
        Element li = list.appendElement("li");
        li.appendElement("p").addClass("text").text(c.text());
        if (!c.sources().isEmpty()) {
          li.appendElement("p").addClass("meta").appendElement("a").attr("href", c.sources().get(0).url())
              .attr("rel", "noopener external").text("Källa");
        }
      }
    }
  }

  private static String span(Comparison.Years y) {
    return y.from() == y.to() ? String.valueOf(y.from()) : y.from() + "–" + y.to();
  }

  private static String read() {
    try (InputStream in = ServerRenderedPage.class.getClassLoader().getResourceAsStream("webroot/index.html")) {
      if (in == null) {
        throw new IllegalStateException("webroot/index.html is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read webroot/index.html", e);
    }
  }
}
