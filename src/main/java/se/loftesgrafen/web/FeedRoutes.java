package se.loftesgrafen.web;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.compare.Comparison;
import se.loftesgrafen.graph.compare.ComparisonThemes;
import se.loftesgrafen.journalist.FeedEntries;

/**
 * Atom 1.0 feeds (RFC 4287, written with Rome) of new and changed promises, so that a newsroom hears when a
 * municipality publishes its next promise: {@code /feeds/all.atom}, {@code /feeds/theme/{id}.atom} (commitments on
 * the theme or a narrower one), {@code /feeds/county/{code}.atom}, {@code /feeds/kommun/{code}.atom}. One entry per
 * fetched page content: its id is the snapshot IRI, its published the promise's own date (publication, else the
 * start of its period), its updated the fetch time; "Nytt" only for a promise of the year before the fetch; links
 * go to the municipality page,
 * the archived copy and the page at its source. The newest {@link #ENTRIES} entries.
 */
final class FeedRoutes {
  static final int ENTRIES = 50;
  private static final String ATOM = "application/atom+xml; charset=utf-8";
  private final FeedEntries entries;
  private final ComparisonRoutes comparison;
  private final BlockingWork blocking;
  private final Iris iris;
  private final PromiseStore store;
  /** Where this instance serves its pages: the feeds' links (ids stay our IRIs). */
  private final String publicUrl;

  FeedRoutes(FeedEntries entries, ComparisonRoutes comparison, BlockingWork blocking, Iris iris, PromiseStore store,
             String publicUrl) {
    this.store = store;
    this.publicUrl = publicUrl;
    this.entries = entries;
    this.comparison = comparison;
    this.blocking = blocking;
    this.iris = iris;
  }

  static void mount(Router router, PromiseStore store, ComparisonRoutes comparison, BlockingWork blocking, Iris iris,
                    java.time.Duration timeout, String publicUrl) {
    // Our own bounded queries over every snapshot: at least a minute, as the comparison queries get.
    java.time.Duration limit = timeout.compareTo(java.time.Duration.ofMinutes(1)) > 0 ? timeout
        : java.time.Duration.ofMinutes(1);
    FeedRoutes routes = new FeedRoutes(new FeedEntries(store, limit), comparison, blocking, iris, store,
        publicUrl);
    router.get("/feeds/all.atom").handler(ctx -> routes.feed(ctx, "all", "all", e -> true));
    router.getWithRegex("/feeds/theme/([^/]+)\\.atom").handler(routes::theme);
    router.getWithRegex("/feeds/county/([^/]+)\\.atom").handler(routes::county);
    router.getWithRegex("/feeds/kommun/([^/]+)\\.atom").handler(routes::kommun);
  }

  private void theme(RoutingContext ctx) {
    String id = ctx.pathParam("param0");
    blocking.respond(ctx, () -> {
      ComparisonThemes catalog = comparison.queries().themes();
      Comparison.Theme theme = catalog.byId(id).orElseThrow(() -> new HttpError(404, "no theme '" + id
          + "'; themes: " + String.join(", ", catalog.all().stream().map(Comparison.Theme::id).toList())));
      Set<String> tags = catalog.withNarrower(theme.iri());
      return write(ctx, "theme/" + id, "Löftesgrafen: " + theme.labelSv() + " / " + theme.labelEn(),
          pageLink(ctx, "?view=since&theme=" + id), e -> e.themes().stream().anyMatch(tags::contains));
    }, body -> send(ctx, body));
  }

  private void county(RoutingContext ctx) {
    String code = ctx.pathParam("param0");
    blocking.respond(ctx, () -> {
      String name = comparison.queries().register().counties().get(code);
      if (name == null) {
        throw new HttpError(404, "no county with SCB code '" + code + "' (two digits, e.g. 14 for Västra Götalands län)");
      }
      return write(ctx, "county/" + code, "Löftesgrafen: " + name, pageLink(ctx, "?view=since&county=" + code),
          e -> e.municipalities().stream().anyMatch(k -> k.startsWith(code)));
    }, body -> send(ctx, body));
  }

  private void kommun(RoutingContext ctx) {
    String code = ctx.pathParam("param0");
    blocking.respond(ctx, () -> {
      Comparison.Municipality m = comparison.queries().register().municipality(code).orElseThrow(() -> new HttpError(
          404, "no municipality with SCB code '" + code + "' (four digits, e.g. 1492 for Åmål)"));
      return write(ctx, "kommun/" + code, "Löftesgrafen: " + m.name(), pageLink(ctx, "?kommun=" + code),
          e -> e.municipalities().contains(code));
    }, body -> send(ctx, body));
  }

  private void feed(RoutingContext ctx, String path, String name, Predicate<FeedEntries.Entry> keep) {
    blocking.respond(ctx, () -> write(ctx, path, "Löftesgrafen: nya och ändrade medborgarlöften / new and changed"
        + " citizen promises", pageLink(ctx, ""), keep), body -> send(ctx, body));
  }

  private static void send(RoutingContext ctx, byte[] body) {
    ctx.response().putHeader("Content-Type", ATOM).end(ContentLength.of(ctx.response(), Buffer.buffer(body)));
  }

  /** The feed document; ids are our IRIs (names, the same on every host), links point at service.publicUrl. */
  private byte[] write(RoutingContext ctx, String path, String title, String alternate,
                       Predicate<FeedEntries.Entry> keep) throws FeedException {
    List<FeedEntries.Entry> chosen = entries.all().stream().filter(keep).limit(ENTRIES).toList();
    Feed feed = new Feed("atom_1.0");
    feed.setId(iris.page("feeds/" + path + ".atom").getURI());
    feed.setTitle(title);
    feed.setLanguage("sv");
    // An empty feed was last updated when the data last changed (atom:updated is required).
    feed.setUpdated(chosen.isEmpty() ? Date.from(store.modified()) : date(chosen.get(0).fetchedAt()));
    feed.setAlternateLinks(List.of(link("alternate", alternate, "text/html")));
    feed.setOtherLinks(List.of(link("self", pageLink(ctx, "feeds/" + path + ".atom"), "application/atom+xml")));
    feed.setAuthors(List.of(author()));
    feed.setGenerator(generator());
    ComparisonThemes catalog = comparison.queries().themes();
    List<Entry> list = new ArrayList<>();
    for (FeedEntries.Entry e : chosen) {
      list.add(entry(ctx, e, catalog));
    }
    feed.setEntries(list);
    return new WireFeedOutput().outputString(feed, true).getBytes(StandardCharsets.UTF_8);
  }

  private Entry entry(RoutingContext ctx, FeedEntries.Entry e, ComparisonThemes catalog) {
    Entry entry = new Entry();
    entry.setId(e.snapshot());
    String names = String.join(", ", e.municipalities().stream().sorted()
        .map(k -> comparison.queries().municipality(k).name()).toList());
    String period = e.start().map(s -> s.substring(0, 4)).orElse("")
        + e.end().map(s -> s.substring(0, 4)).filter(y -> !e.start().map(s -> s.startsWith(y)).orElse(false))
        .map(y -> "–" + y).orElse("");
    String title = e.title().isEmpty() ? "Medborgarlöfte " + names + (period.isEmpty() ? "" : " " + period) : e.title();
    Date fetched = date(e.fetchedAt());
    // Dated by the promise itself (published, else its period's start); the fetch time is only when it was updated
    // here. "Nytt" only for a promise of the last year before the fetch: a 2016 promise found in 2026 is not news.
    Date own = e.ownDate().flatMap(FeedRoutes::ownDate).orElse(fetched);
    boolean recent = own.toInstant().isAfter(fetched.toInstant().minus(java.time.Duration.ofDays(366)));
    entry.setTitle(e.followUp() ? "Uppföljning publicerad: " + (e.title().isEmpty()
        ? "medborgarlöfte " + names + (period.isEmpty() ? "" : " " + period) : e.title())
        : (e.changed() ? "Ändrat: " : recent ? "Nytt: " : "") + title);
    entry.setUpdated(fetched);
    entry.setPublished(own);
    String code = e.municipalities().stream().sorted().findFirst().orElse("");
    String id = e.snapshot().substring(e.snapshot().lastIndexOf('/') + 1);
    entry.setAlternateLinks(List.of(link("alternate", pageLink(ctx, "?kommun=" + code
        + e.start().map(s -> "#y" + s.substring(0, 4)).orElse("")), "text/html")));
    List<Link> other = new ArrayList<>();
    other.add(link("related", pageLink(ctx, "archive/" + id), "text/html"));
    if (e.url().startsWith("http")) {
      other.add(link("via", e.url(), null));
    }
    entry.setOtherLinks(other);
    List<String> labels = e.themes().stream().map(t -> catalog.byIri(t).map(Comparison.Theme::labelSv)
        .orElse(catalog.id(t))).distinct().sorted().toList();
    List<Category> categories = new ArrayList<>();
    e.themes().stream().map(catalog::byIri).flatMap(java.util.Optional::stream).distinct().forEach(t -> {
      Category c = new Category();
      c.setTerm(t.id());
      c.setLabel(t.labelSv());
      c.setScheme(t.iri().substring(0, t.iri().lastIndexOf('/') + 1));
      categories.add(c);
    });
    Category kind = new Category();
    kind.setTerm(e.followUp() ? "followup" : e.changed() ? "changed" : "new");
    categories.add(kind);
    entry.setCategories(categories);
    Content summary = new Content();
    summary.setType("text");
    summary.setValue(e.followUp() ? "Uppföljning av medborgarlöftet för " + names + (period.isEmpty() ? "" : ", " + period)
        + ": vad som hölls, delvis hölls och inte hölls, med rapportens egna ord. Källa: " + e.url()
        : names + (period.isEmpty() ? "" : ", " + period) + ": " + e.commitments()
        + (e.commitments() == 1 ? " åtagande" : " åtaganden") + (labels.isEmpty() ? "" : " om " + String.join(", ", labels))
        + ". Källa: " + e.url() + (e.changed() ? " (sidan har ändrats sedan förra hämtningen)" : ""));
    entry.setSummary(summary);
    return entry;
  }

  /**
   * A link to a page of this instance, under service.publicUrl: the same feed whatever Host the request named (a
   * proxy may rewrite it), so GET, HEAD and every client see the same bytes.
   */
  private String pageLink(RoutingContext ctx, String path) {
    return publicUrl + path;
  }

  private static Link link(String rel, String href, String type) {
    Link l = new Link();
    l.setRel(rel);
    l.setHref(href);
    if (type != null) {
      l.setType(type);
    }
    return l;
  }

  private static SyndPerson author() {
    Person p = new Person();
    p.setName("Löftesgrafen");
    return p;
  }

  private static com.rometools.rome.feed.atom.Generator generator() {
    com.rometools.rome.feed.atom.Generator g = new com.rometools.rome.feed.atom.Generator();
    g.setValue("Löftesgrafen");
    return g;
  }

  /** The promise's own date, when it is one that parses (the store may hold anything a remote graph had). */
  private static java.util.Optional<Date> ownDate(String lexical) {
    try {
      return java.util.Optional.of(date(lexical));
    } catch (java.time.format.DateTimeParseException e) {
      return java.util.Optional.empty();
    }
  }

  /** An xsd:dateTime, or an xsd:date as the start of its day in UTC. */
  static Date date(String xsdDateTime) {
    if (!xsdDateTime.contains("T") && xsdDateTime.matches("\\d{4}-\\d\\d-\\d\\d.*")) {
      return Date.from(java.time.LocalDate.parse(xsdDateTime.substring(0, 10)).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    }
    try {
      return Date.from(Instant.parse(xsdDateTime));
    } catch (java.time.format.DateTimeParseException e) {
      return Date.from(java.time.OffsetDateTime.parse(xsdDateTime).toInstant());
    }
  }
}
