package se.loftesgrafen.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import se.loftesgrafen.Loftesgrafen;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.config.ConfigLoader;
import se.loftesgrafen.config.ConfigOverrides;
import se.loftesgrafen.extract.PromiseExtractor;
import se.loftesgrafen.extract.SourceDocument;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;

/**
 * A harvest of the fixture nation (src/test/resources/harvest/sites/national, see its README) over real HTTP on
 * loopback into a real TDB2 store, twice: the first run discovers, fetches and stores; the second finds 304s,
 * unchanged content, a changed page and a page that is gone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HarvestFixturesIT {
  static final String LISTING = "/om-polisen/medborgarloften-och-lokal-samverkan/medborgarloften/";
  static final Duration DELAY = Duration.ofMillis(50);
  static final Duration POLISEN_DELAY = Duration.ofMillis(200);
  static final Path SAMPLE = Path.of("harvest-config/sample");
  static final String RATE_LIMITED_TITLE = "Medborgarlöfte för centrum 2023";
  static final String FLAKY_TITLE = "Medborgarlöfte för skolorna 2023";

  @TempDir
  static Path dir;
  static OriginServer origin;
  static AppConfig config;
  static PromiseStore store;
  static HarvestSummary first;
  static HarvestSummary second;
  static List<OriginServer.Request> firstRequests;
  static byte[] pdf;
  static volatile boolean secondRun;

  @BeforeAll
  static void harvestTwice() throws Exception {
    origin = new OriginServer(Path.of("src/test/resources/harvest/sites/national"),
        List.of("polisen", "kommun-a", "kommun-b"));
    pdf = pdf("Medborgarlöfte Kommun B 2023", "Det här ska vi göra",
        "Polisen ska genomföra trafikkontroller vid skolorna varje vecka.",
        "Kommunen ska starta grannsamverkan i två nya bostadsområden.");
    program();
    config = configure();
    store = PromiseStore.embedded(config.service().store());
    Harvester harvester = Loftesgrafen.harvester(config, store, new Iris(config.baseIri()));
    List<Source> sources = SourcesFile.read(config.harvest().sources());
    first = harvester.run(sources);
    firstRequests = origin.requests();
    origin.clearLog();
    secondRun = true;
    second = harvester.run(sources);
  }

  @AfterAll
  static void stop() {
    if (store != null) {
      store.close();
    }
    origin.close();
  }

  /** The faults and the pages served from the bundled sample, on their paths. */
  static void program() {
    String vg = LISTING + "vastra-gotalands-lan/";
    String va = LISTING + "varmlands-lan/";
    origin.answer("polisen", vg + "amal/", (x, n) -> sample(x, "amal-2021.html"));
    origin.answer("polisen", vg + "amal/amal-2021.pdf", (x, n) -> sample(x, "amal-2021.pdf"));
    origin.answer("polisen", vg + "dals-ed/", (x, n) -> sample(x, "dals-ed-2021.html"));
    origin.answer("polisen", va + "karlstad/", (x, n) -> redirect(x, 301, va + "karlstads-kommun/"));
    origin.answer("polisen", va + "karlstads-kommun/", (x, n) -> sample(x, "karlstad-2016.html"));
    origin.answer("polisen", va + "karlstads-kommun/karlstad-2016.pdf", (x, n) -> sample(x, "karlstad-2016.pdf"));
    origin.answer("polisen", va + "loop-a/", (x, n) -> redirect(x, 302, va + "loop-b/"));
    origin.answer("polisen", va + "loop-b/", (x, n) -> redirect(x, 302, va + "loop-a/"));
    origin.answer("kommun-a", "/trygghet/medborgarlofte-2022.html", (x, n) -> {
      if ("\"v1\"".equals(x.getRequestHeaders().getFirst("If-None-Match"))) {
        x.getResponseHeaders().set("ETag", "\"v1\"");
        return OriginServer.send(x, 304, "text/html", new byte[0]);
      }
      x.getResponseHeaders().set("ETag", "\"v1\"");
      x.getResponseHeaders().set("Last-Modified", "Fri, 25 Feb 2022 10:00:00 GMT");
      return sample(x, "almhult-2022.html");
    });
    origin.answer("kommun-a", "/trygghet/medborgarlofte-2019.html", (x, n) -> secondRun
        ? OriginServer.send(x, 404, "text/plain", "borttagen".getBytes(StandardCharsets.UTF_8))
        : sample(x, "askersund-2020.html"));
    origin.answer("kommun-b", "/medborgarlofte.html", (x, n) -> {
      byte[] page = Files.readAllBytes(Path.of("src/test/resources/harvest/sites/national/kommun-b/medborgarlofte.html"));
      String text = new String(page, StandardCharsets.UTF_8);
      if (secondRun) {
        text = text.replace("</ul>", "<li>Polisen ska besöka alla skolor under våren.</li>\n</ul>");
      }
      return OriginServer.send(x, 200, "text/html; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    });
    origin.answer("kommun-b", "/dokument/medborgarlofte-b.pdf", (x, n) -> OriginServer.send(x, 200,
        "application/pdf", pdf));
    origin.answer("kommun-b", "/medborgarloften/rate-limited.html", (x, n) -> {
      if (n == 0) {
        x.getResponseHeaders().set("Retry-After", "1");
        return OriginServer.send(x, 429, "text/plain", "för många anrop".getBytes(StandardCharsets.UTF_8));
      }
      return promisePage(x, RATE_LIMITED_TITLE);
    });
    origin.answer("kommun-b", "/medborgarloften/flaky.html", (x, n) -> n == 0
        ? OriginServer.send(x, 500, "text/plain", "fel".getBytes(StandardCharsets.UTF_8))
        : promisePage(x, FLAKY_TITLE));
    origin.answer("kommun-b", "/medborgarloften/always-500.html", (x, n) ->
        OriginServer.send(x, 500, "text/plain", "fel".getBytes(StandardCharsets.UTF_8)));
    origin.answer("kommun-b", "/medborgarloften/hung.html", (x, n) -> {
      Thread.sleep(10_000);
      return 0;
    });
    origin.answer("kommun-b", "/medborgarloften/drip.html", (x, n) -> {
      x.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      x.sendResponseHeaders(200, 0);
      try (OutputStream out = x.getResponseBody()) {
        for (int i = 0; i < 100; i++) {
          out.write('<');
          out.flush();
          Thread.sleep(100);
        }
      }
      return 200;
    });
    origin.answer("kommun-b", "/medborgarloften/huge.html", (x, n) -> {
      byte[] big = ("<p>Medborgarlöfte " + "x".repeat(1000) + "</p>\n").repeat(1000).getBytes(StandardCharsets.UTF_8);
      return OriginServer.send(x, 200, "text/html; charset=utf-8", big);
    });
    origin.answer("kommun-b", "/medborgarloften/loop.html", (x, n) -> redirect(x, 301, "/medborgarloften/loop.html"));
  }

  static AppConfig configure() throws IOException {
    Path configDir = Files.createDirectories(dir.resolve("config"));
    Files.writeString(configDir.resolve("loftesgrafen.yaml"), """
        service:
          store: %s
        harvest:
          perHostDelay: 50ms
          connectTimeout: 1s
          firstByteTimeout: 2s
          totalTimeout: 3s
          maxBodySize: 256KB
          retries: 2
          maxRetryAfter: 5s
          allowPrivateAddresses: true
          discoveryDepth: 3
          pagesPerHost: 50
        """.formatted(dir.resolve("store")));
    Files.writeString(configDir.resolve("sources.yaml"), """
        sources:
          - url: %s
            discover: true
          - url: %s/
            municipality: "1492"
            discover: true
          - url: %s/
            discover: true
        """.formatted(origin.url("polisen", LISTING), origin.base("kommun-a"), origin.base("kommun-b")));
    return ConfigLoader.load(configDir, ConfigOverrides.none());
  }

  // ---- what the first run fetched

  @Test
  @Order(1)
  void robotsTxtIsEachHostsFirstRequestAndDisallowedUrlsAreNeverFetched() {
    for (String host : List.of("polisen", "kommun-a", "kommun-b")) {
      List<OriginServer.Request> requests = firstRequests.stream().filter(r -> r.host().equals(host)).toList();
      assertEquals("/robots.txt", requests.get(0).path(), host + " asks robots.txt first");
      assertEquals(1, requests.stream().filter(r -> r.path().equals("/robots.txt")).count(), host);
    }
    List<String> forbidden = firstRequests.stream().map(OriginServer.Request::path)
        .filter(p -> p.startsWith("/privat/") || p.startsWith("/intern/") || p.startsWith("/sok")).toList();
    assertEquals(List.of(), forbidden, "disallowed by robots.txt, never fetched");
    assertTrue(first.failed().stream().anyMatch(l -> l.startsWith("disallowed") && l.contains("/privat/")),
        first.failed().toString());
    assertTrue(first.failed().stream().anyMatch(l -> l.startsWith("disallowed") && l.contains("/intern/")),
        first.failed().toString());
  }

  @Test
  @Order(2)
  void noTwoRequestsToOneHostAreCloserThanItsDelay() {
    for (List<OriginServer.Request> run : List.of(firstRequests, origin.requests())) {
      Map<String, List<Long>> times = new TreeMap<>();
      run.forEach(r -> times.computeIfAbsent(r.host(), h -> new ArrayList<>()).add(r.arrivedNanos()));
      times.forEach((host, t) -> {
        java.util.Collections.sort(t);
        Duration delay = host.equals("polisen") ? POLISEN_DELAY : DELAY;
        for (int i = 1; i < t.size(); i++) {
          long gap = t.get(i) - t.get(i - 1);
          assertTrue(gap >= delay.toNanos(), host + ": requests " + (i - 1) + " and " + i + " only "
              + gap / 1_000_000 + " ms apart (delay " + delay.toMillis() + " ms)");
        }
      });
    }
  }

  @Test
  @Order(3)
  void discoveryGoesListingThenCountyThenMunicipality() {
    List<String> polisen = firstRequests.stream().filter(r -> r.host().equals("polisen"))
        .map(OriginServer.Request::path).toList();
    int listing = polisen.indexOf(LISTING);
    int county = polisen.indexOf(LISTING + "vastra-gotalands-lan/");
    int municipality = polisen.indexOf(LISTING + "vastra-gotalands-lan/dals-ed/");
    assertTrue(listing > 0 && county > listing && municipality > county, polisen.toString());
    assertFalse(polisen.contains("/kontakt/"), "links that do not say medborgarlöfte are not followed");
    assertEquals(1, firstRequests.stream().filter(r -> r.host().equals("kommun-a")
        && r.path().equals("/trygghet/medborgarlofte-2022.html")).count(), "linked and in the sitemap: fetched once");
    assertTrue(firstRequests.stream().anyMatch(r -> r.path().equals("/sitemaps/pages.xml")), "sitemap index followed");
    assertFalse(firstRequests.stream().anyMatch(r -> r.path().equals("/nyheter/badplats.html")));
  }

  @Test
  @Order(4)
  void everyPromisePageIsStoredExactlyOnce() throws Exception {
    Map<String, Integer> snapshots = snapshotsPerUrl();
    Set<String> expected = new TreeSet<>();
    String vg = LISTING + "vastra-gotalands-lan/";
    String va = LISTING + "varmlands-lan/";
    Map<String, String> pages = new HashMap<>();
    pages.put(origin.url("polisen", vg + "amal/").toString(), "amal-2021.html");
    pages.put(origin.url("polisen", vg + "dals-ed/").toString(), "dals-ed-2021.html");
    pages.put(origin.url("polisen", va + "karlstads-kommun/").toString(), "karlstad-2016.html");
    pages.put(origin.url("kommun-a", "/trygghet/medborgarlofte-2022.html").toString(), "almhult-2022.html");
    pages.put(origin.url("kommun-a", "/trygghet/medborgarlofte-2019.html").toString(), "askersund-2020.html");
    for (var e : pages.entrySet()) {
      // what the extractor of this build calls a promise page; its PDF is stored with it
      if (isPromise(Files.readAllBytes(SAMPLE.resolve(e.getValue())))) {
        expected.add(e.getKey());
        if (e.getValue().startsWith("amal") || e.getValue().startsWith("karlstad")) {
          expected.add(e.getKey() + e.getValue().replace(".html", ".pdf"));
        }
      }
    }
    expected.add(origin.url("kommun-a", "/trygghet/aldre.latin1.html").toString());
    expected.add(origin.url("kommun-b", "/medborgarlofte.html").toString());
    expected.add(origin.url("kommun-b", "/dokument/medborgarlofte-b.pdf").toString());
    for (String[] page : new String[][] {{"/medborgarloften/rate-limited.html", RATE_LIMITED_TITLE},
        {"/medborgarloften/flaky.html", FLAKY_TITLE}}) {
      if (isPromise(promiseHtml(page[1]).getBytes(StandardCharsets.UTF_8))) {
        expected.add(origin.url("kommun-b", page[0]).toString());
      }
    }
    Map<String, Integer> afterFirst = new TreeMap<>(snapshots);
    afterFirst.remove(origin.url("kommun-b", "/medborgarlofte.html").toString()); // changed on the second run
    afterFirst.values().forEach(n -> assertEquals(1, n, snapshots.toString()));
    assertEquals(expected, new TreeSet<>(snapshots.keySet()));
    assertEquals(expected.size(), first.stored(), first.toString());
  }

  @Test
  @Order(5)
  void everyFaultIsSurvivedWithAClearLine() {
    List<String> lines = first.failed();
    assertLine(lines, "/loop-a/", "redirect loop");
    assertLine(lines, "/medborgarloften/loop.html", "redirect loop");
    assertLine(lines, "/always-500.html", "HTTP 500 after 3 attempts");
    assertLine(lines, "/hung.html", "first-byte timeout");
    assertLine(lines, "/drip.html", "total timeout");
    assertLine(lines, "/huge.html", "body larger than the limit");
    assertLine(lines, "/sitemap.xml", "no sitemap (HTTP 404)");
    assertTrue(lines.stream().noneMatch(l -> l.startsWith("failed") && l.contains("/sitemap.xml")),
        "a site without a sitemap is a note, not a failure: " + lines);
    List<OriginServer.Request> limited = firstRequests.stream()
        .filter(r -> r.path().equals("/medborgarloften/rate-limited.html")).toList();
    assertEquals(List.of(429, 200), limited.stream().map(OriginServer.Request::status).toList());
    assertTrue(limited.get(1).arrivedNanos() - limited.get(0).arrivedNanos() >= Duration.ofSeconds(1).toNanos(),
        "Retry-After: 1 honoured");
    List<OriginServer.Request> flaky = firstRequests.stream()
        .filter(r -> r.path().equals("/medborgarloften/flaky.html")).toList();
    assertEquals(List.of(500, 200), flaky.stream().map(OriginServer.Request::status).toList());
  }

  @Test
  @Order(6)
  void theLatin1PageIsReadWithItsCharsetAndEverySnapshotPointsAtItsWarcRecord() throws Exception {
    String url = origin.url("kommun-a", "/trygghet/aldre.latin1.html").toString();
    ResultSet rows = select("""
        PREFIX lg: <https://w3id.org/loftesgrafen/def#>
        PREFIX schema: <https://schema.org/>
        SELECT ?s ?format ?record ?file WHERE { GRAPH ?s { ?s schema:url <%s> ; <http://purl.org/dc/terms/format> ?format ;
          lg:warcRecord ?record ; lg:warcFile ?file } }""".formatted(url));
    QuerySolution row = rows.next();
    assertEquals("text/html", row.getLiteral("format").getString(), "the Content-Type as served, no charset");
    String record = row.getResource("record").getURI();
    Path warc = config.service().store().resolve("warc").resolve(row.getLiteral("file").getString());
    try (WarcReader reader = new WarcReader(warc)) {
      Optional<WarcRecord> found = reader.records().filter(r -> r.id().toString().equals(record)).findFirst();
      assertTrue(found.isPresent(), "record " + record + " in " + warc);
      byte[] body = ((WarcResponse) found.get()).http().body().stream().readAllBytes();
      assertTrue(new String(body, StandardCharsets.ISO_8859_1).contains("Medborgarlöften i Kommun A 2018"));
    }
    assertEquals("windows-1252", LinkFinder.charset(Files.readAllBytes(Path.of(
        "src/test/resources/harvest/sites/national/kommun-a/trygghet/aldre.latin1.html")), Optional.of("text/html")));
  }

  // ---- the second run

  @Test
  @Order(7)
  void theSecondRunAsksConditionallyAndStoresOnlyTheChangedPage() throws Exception {
    List<OriginServer.Request> again = origin.requests().stream()
        .filter(r -> r.path().equals("/trygghet/medborgarlofte-2022.html")).toList();
    assertEquals(1, again.size());
    assertEquals(Optional.of("\"v1\""), again.get(0).header("If-None-Match"));
    assertEquals(304, again.get(0).status());
    assertTrue(second.notModified() >= 1, second.toString());
    assertEquals(1, second.stored(), "only the changed page: " + second);
    assertTrue(second.unchanged() >= 5, second.toString());
    String changed = origin.url("kommun-b", "/medborgarlofte.html").toString();
    assertEquals(2, snapshotsPerUrl().get(changed));
    ResultSet rows = select("""
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX schema: <https://schema.org/>
        SELECT ?new ?old ?until WHERE {
          GRAPH ?new { ?new schema:url <%s> ; prov:wasRevisionOf ?old }
          GRAPH ?old { ?old prov:invalidatedAtTime ?until } }""".formatted(changed));
    assertTrue(rows.hasNext(), "the new snapshot revises the old one, which is invalidated");
  }

  @Test
  @Order(8)
  void aPageThatIsGoneIsMarkedNotDeleted() throws Exception {
    String gone = origin.url("kommun-a", "/trygghet/medborgarlofte-2019.html").toString();
    ResultSet rows = select("""
        PREFIX lg: <https://w3id.org/loftesgrafen/def#>
        PREFIX schema: <https://schema.org/>
        SELECT ?s ?since WHERE { GRAPH ?s { ?s schema:url <%s> ; lg:goneSince ?since } }""".formatted(gone));
    assertTrue(rows.hasNext(), "marked gone");
    assertTrue(second.failed().stream().anyMatch(l -> l.contains(gone) && l.contains("gone (HTTP 404)")));
    if (isPromise(Files.readAllBytes(SAMPLE.resolve("askersund-2020.html")))) {
      assertEquals(1, snapshotsPerUrl().get(gone), "its snapshot stays");
    }
  }

  @Test
  @Order(9)
  void warcArchivesAreSourcesToo() throws Exception {
    Path archives = config.service().store().resolve("warc");
    Path other = dir.resolve("from-warc");
    try (PromiseStore fresh = PromiseStore.embedded(other); Stream<Path> files = Files.list(archives)) {
      assertTrue(files.count() >= 2, "one WARC file per run");
      AppConfig elsewhere = ConfigLoader.load(config.configDir(), new ConfigOverrides(Optional.empty(),
          Optional.of(other.toString()), Optional.empty(), Map.of()));
      Harvester h = Loftesgrafen.harvester(elsewhere, fresh, new Iris(config.baseIri()));
      HarvestSummary s = h.run(List.of(new Source(archives.toUri(), List.of(), false, Optional.empty(),
          Optional.empty())));
      assertTrue(s.stored() >= 4, s.toString());
      String latin1 = origin.url("kommun-a", "/trygghet/aldre.latin1.html").toString();
      Boolean found = fresh.query(QueryFactory.create("ASK { GRAPH ?g { ?g <https://schema.org/url> <" + latin1
          + "> } }"), Duration.ofSeconds(10), exec -> exec.ask());
      assertTrue(found, "archived page stored with its original URL");
    }
  }

  // ---- helpers

  static void assertLine(List<String> lines, String url, String words) {
    assertTrue(lines.stream().anyMatch(l -> l.contains(url) && l.contains(words)),
        "a line for " + url + " saying '" + words + "' in " + String.join("\n", lines));
  }

  static Map<String, Integer> snapshotsPerUrl() {
    Map<String, Integer> counts = new TreeMap<>();
    ResultSet rows = select("""
        PREFIX schema: <https://schema.org/>
        SELECT ?url (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g schema:url ?url } } GROUP BY ?url""");
    rows.forEachRemaining(r -> counts.put(r.getResource("url").getURI(), r.getLiteral("n").getInt()));
    return counts;
  }

  static ResultSet select(String sparql) {
    return store.query(QueryFactory.create(sparql), Duration.ofSeconds(10),
        exec -> ResultSet.adapt(exec.select()).materialise());
  }

  /** What the extractor of this build calls a promise page. */
  static boolean isPromise(byte[] body) throws IOException {
    return PromiseExtractor.create(se.loftesgrafen.vocab.ThemeLexiconLoader.load()).extract(new SourceDocument(
        "test", java.net.URI.create("http://127.0.0.1/"), body, Optional.of("text/html; charset=utf-8"))).isPromise();
  }

  static int sample(HttpExchange x, String name) throws IOException {
    byte[] body = Files.readAllBytes(SAMPLE.resolve(name));
    return OriginServer.send(x, 200, name.endsWith(".pdf") ? "application/pdf" : "text/html; charset=utf-8", body);
  }

  static int redirect(HttpExchange x, int status, String location) throws IOException {
    x.getResponseHeaders().set("Location", location);
    return OriginServer.send(x, status, "text/plain", new byte[0]);
  }

  static int promisePage(HttpExchange x, String title) throws IOException {
    return OriginServer.send(x, 200, "text/html; charset=utf-8", promiseHtml(title).getBytes(StandardCharsets.UTF_8));
  }

  static String promiseHtml(String title) {
    return """
        <!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>%1$s</title></head><body><main>
        <h1>%1$s</h1><h2>Det här ska vi göra</h2><ul>
        <li>Polisen ska genomföra fler trygghetsvandringar under hösten.</li>
        <li>Kommunen ska följa upp medborgarlöftet i en trygghetsmätning.</li></ul></main></body></html>
        """.formatted(title);
  }

  /** A small text PDF (PDFBox, a standard font that covers Swedish letters). */
  static byte[] pdf(String... lines) throws IOException {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
        text.beginText();
        text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        text.newLineAtOffset(72, 720);
        for (String line : lines) {
          text.showText(line);
          text.newLineAtOffset(0, -18);
        }
        text.endText();
      }
      doc.save(out);
      return out.toByteArray();
    }
  }
}
