package se.loftesgrafen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import se.loftesgrafen.Loftesgrafen;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.config.ConfigLoader;
import se.loftesgrafen.config.ConfigOverrides;
import se.loftesgrafen.harvest.HarvestSummary;
import se.loftesgrafen.harvest.SourcesFile;
import se.loftesgrafen.testing.Chrome;
import se.loftesgrafen.testing.RunningService;
import se.loftesgrafen.testing.SyntheticNation;

/**
 * The journalist's views (issue 13) in headless Chromium on the synthetic national graph (290 municipalities ×
 * 10 years × 10 commitments; the expected answers come from the generated records, not from the store): the map,
 * the "since when" grid, the honest charts, the feeds (parsed with Rome) and the archived page of a page harvested
 * over HTTP from a loopback origin (its WARC record read back). Screenshots at 1280 and 390 px go to
 * target/screenshots/journalist-*.png.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JournalistViewsIT {
  @TempDir
  static Path folder;
  static RunningService service;
  static SyntheticNation nation;
  static Chrome chrome;
  static ApiClient api;
  static boolean demoWithSampleOnly;
  static boolean demoBannerShown;
  static HttpServer origin;
  static final AtomicInteger trackerHits = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    chrome = Chrome.start(folder.resolve("chromium"));
    service = RunningService.start(folder.resolve("store"));
    api = new ApiClient(service);
    demoWithSampleOnly = api.json("/api/status").path("demo").asBoolean();
    chrome.open(service.uri("/").toString());
    demoBannerShown = chrome.driver().findElement(By.id("demo-banner")).isDisplayed();
    chrome.screenshot("journalist-00-demo-banner");
    // Only the nation, so that every expected answer comes from the generator.
    ComparisonNationIT.removeAllBut(service.service().store(), service.service().iris().vocabularyGraph().getURI());
    nation = SyntheticNation.national();
    nation.load(service.service().store(), service.service().iris(), 200);
  }

  @AfterAll
  static void stop() throws Exception {
    if (chrome != null) {
      chrome.close();
    }
    if (service != null) {
      // The harvest changed the data: the comparison view is read again in the background; let that finish.
      for (int quiet = 0, i = 0; quiet < 3 && i < 120; i++) {
        Thread.sleep(1000);
        quiet = api.json("/health").path("queriesInFlight").asInt() == 0 ? quiet + 1 : 0;
      }
      service.close();
    }
    if (origin != null) {
      origin.stop(0);
    }
  }

  private static void open(String pathAndQuery) {
    chrome.open(service.uri(pathAndQuery).toString());
  }

  private static void phone() {
    chrome.size(390, 844);
  }

  private static void desktop() {
    chrome.size(1280, 900);
  }

  private static void noSidewaysScroll(String where) {
    long overflow = chrome.overflow();
    assertTrue(overflow <= 0, where + ": no sideways scrolling at 390 px, but " + overflow + " px");
  }

  /** The generator's answer: municipality code → first year with a commitment on the theme. */
  private static Map<String, Integer> firstYears(String theme) {
    Map<String, Integer> out = new TreeMap<>();
    nation.pages().forEach(p -> {
      if (p.promise().commitments().stream().anyMatch(c -> c.themes().contains(theme))) {
        out.merge(p.kommun().code(), p.year(), Math::min);
      }
    });
    return out;
  }

  @Test
  @Order(1)
  void theDemoBannerShowsOnlyWhileOnlyTheSampleIsLoaded() throws Exception {
    assertTrue(demoWithSampleOnly, "the bundled sample alone is demo data");
    assertTrue(demoBannerShown, "the page says so");
    assertFalse(api.json("/api/status").path("demo").asBoolean(), "with the nation loaded it is not");
    open("/");
    assertFalse(chrome.driver().findElement(By.id("demo-banner")).isDisplayed());
  }

  @Test
  @Order(2)
  void theMapOfNarkotika2021ColoursEveryMunicipality() throws Exception {
    JsonNode narkotika = api.json("/api/themes?format=json").path("hydra:member");
    narkotika.forEach(t -> assertFalse(t.path("broader").asText("").endsWith("/narkotika"),
        "the known answer counts narkotika alone: no theme is narrower than it"));
    desktop();
    open("/?view=map&theme=narkotika&year=2021");
    chrome.screenshot("journalist-01-map-narkotika-2021-1280");
    List<WebElement> kommuner = chrome.driver().findElements(By.cssSelector("#map svg a.kommun"));
    assertEquals(290, kommuner.size(), "every municipality is drawn");
    Set<String> with = new TreeSet<>();
    Set<String> codes = new TreeSet<>();
    for (WebElement k : kommuner) {
      codes.add(k.getAttribute("data-code"));
      String status = k.getAttribute("data-status");
      assertTrue(Set.of("with", "without").contains(status), k.getAttribute("data-code") + " is " + status
          + ": the nation has a promise for every municipality and year");
      if (status.equals("with")) {
        with.add(k.getAttribute("data-code"));
      }
    }
    assertEquals(290, codes.size());
    assertEquals(nation.municipalitiesWithTheme("narkotika", 2021), with);
    // Every shape is filled (a colour, or the hatching of "nothing harvested"), none left blank.
    Object unfilled = chrome.script("return [...document.querySelectorAll('#map svg a.kommun path')].filter(p => {"
        + " const f = getComputedStyle(p).fill; return !f || f === 'none' || f === 'rgba(0, 0, 0, 0)'; }).length;");
    assertEquals(0L, unfilled);
    assertEquals(21, chrome.driver().findElements(By.cssSelector("#map svg g.lan path")).size(), "county borders");
    assertTrue(chrome.driver().findElement(By.id("map-status")).getText().contains("290 av 290"));

    // Hover shows the name and the commitments.
    WebElement some = kommuner.stream().filter(k -> "with".equals(k.getAttribute("data-status"))).findFirst().orElseThrow();
    String code = some.getAttribute("data-code");
    String name = nameOf(code);
    new Actions(chrome.driver()).moveToElement(some.findElement(By.tagName("path"))).perform();
    chrome.waiter().until(d -> d.findElement(By.cssSelector("#map-info h2")).getText().equals(name));
    chrome.waiter().until(d -> !d.findElements(By.cssSelector("#map-info li.result")).isEmpty());
    assertTrue(chrome.driver().findElement(By.cssSelector("#map-info li.result ul.chips")).getText()
        .contains("Narkotika"), "a commitment on the theme");
    chrome.screenshot("journalist-02-map-hover-1280");

    // Keyboard: Tab from the form's button reaches the first municipality, whose name then shows.
    WebElement button = chrome.driver().findElement(By.cssSelector("#map-form button[type=submit]"));
    chrome.script("arguments[0].focus()", button);
    chrome.driver().switchTo().activeElement().sendKeys(Keys.TAB);
    WebElement focused = chrome.driver().switchTo().activeElement();
    String first = kommuner.get(0).getAttribute("data-code");
    assertEquals(first, focused.getAttribute("data-code"), "the map's first municipality has the focus, not "
        + chrome.script("const e = document.activeElement; return e.outerHTML.slice(0, 200);"));
    chrome.waiter().until(d -> d.findElement(By.cssSelector("#map-info h2")).getText().equals(nameOf(first)));

    // Click opens the municipality.
    focused.sendKeys(Keys.ENTER);
    chrome.waiter().until(d -> d.getCurrentUrl().contains("kommun=" + first));
    chrome.ready();
    assertEquals(nameOf(first), chrome.driver().findElement(By.id("kommun-title")).getText());
  }

  private static String nameOf(String code) {
    return nation.kommuner().stream().filter(k -> k.code().equals(code)).findFirst().orElseThrow().name();
  }

  @Test
  @Order(3)
  void theMapOnAPhoneAndItsSvgStandsAlone() throws Exception {
    phone();
    open("/?view=map&theme=narkotika&year=2021");
    chrome.screenshot("journalist-03-map-narkotika-2021-390");
    noSidewaysScroll("map");
    desktop();
    HttpResponse<String> svg = service.get("/api/themes/narkotika/map.svg?from=2019&to=2021&lang=en");
    assertEquals(200, svg.statusCode());
    assertTrue(svg.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
    assertFalse(svg.body().matches("(?s).*(href|src)=\"https?://.*"), "no request to other sites");
    org.w3c.dom.Document doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new java.io.ByteArrayInputStream(svg.body().getBytes(StandardCharsets.UTF_8)));
    assertEquals("svg", doc.getDocumentElement().getLocalName() == null ? doc.getDocumentElement().getTagName()
        : doc.getDocumentElement().getLocalName(), "well-formed SVG");
    assertTrue(svg.body().contains("Valmyndigheten via okfse/sweden-geojson"), "the boundaries' attribution");
    assertEquals(400, service.get("/api/themes/narkotika/map.svg?year=20x1").statusCode());
    assertEquals(404, service.get("/api/themes/nosuchtheme/map.svg").statusCode());
  }

  @Test
  @Order(4)
  void theJournalistsQuestionIsAnsweredInTwoInteractionsFromTheStartPage() throws Exception {
    desktop();
    open("/");
    new Select(chrome.driver().findElement(By.id("qs-theme"))).selectByValue("narkotika"); // 1
    chrome.driver().findElement(By.id("qs-since")).click();                                 // 2
    chrome.waiter().until(d -> d.getCurrentUrl().contains("view=since"));
    chrome.ready();
    chrome.screenshot("journalist-04-since-narkotika-1280");
    Map<String, Integer> expected = firstYears("narkotika");
    List<WebElement> rows = chrome.driver().findElements(By.cssSelector("#since-table tbody tr"));
    assertEquals(290, rows.size());
    Map<String, Integer> shown = new TreeMap<>();
    Set<String> with2021 = new TreeSet<>();
    List<Integer> firsts = new ArrayList<>();
    for (WebElement row : rows) {
      String first = row.getAttribute("data-first");
      firsts.add(first.isEmpty() ? 9999 : Integer.parseInt(first));
      if (!first.isEmpty()) {
        shown.put(row.getAttribute("data-code"), Integer.parseInt(first));
      }
    }
    for (WebElement cell : chrome.driver().findElements(By.cssSelector("#since-table td.year.with[data-year='2021']"))) {
      with2021.add(cell.findElement(By.xpath("..")).getAttribute("data-code"));
    }
    assertEquals(expected, shown, "since when, per municipality");
    assertEquals(nation.municipalitiesWithTheme("narkotika", 2021), with2021, "which ones, in 2021");
    List<Integer> sorted = new ArrayList<>(firsts);
    sorted.sort(null);
    assertEquals(sorted, firsts, "sorted by the first year with the theme");
    assertEquals(10, chrome.driver().findElements(By.cssSelector("#since-table thead th.year")).size(),
        "every year 2016–2025 on the axis");
    WebElement link = chrome.driver().findElement(By.cssSelector("#since-table td.year.with a"));
    assertTrue(link.getAttribute("href").matches(".*kommun=\\d{4}.*#y\\d{4}"), link.getAttribute("href"));
  }

  @Test
  @Order(5)
  void theGridFiltersByCountyOnAPhoneAndComesAsCsv() throws Exception {
    phone();
    open("/?view=since&theme=narkotika&county=14&sort=name");
    chrome.screenshot("journalist-05-since-narkotika-14-390");
    noSidewaysScroll("since when");
    List<WebElement> rows = chrome.driver().findElements(By.cssSelector("#since-table tbody tr"));
    long inCounty = nation.kommuner().stream().filter(k -> k.countyCode().equals("14")).count();
    assertEquals(inCounty, rows.size());
    rows.forEach(r -> assertTrue(r.getAttribute("data-code").startsWith("14")));
    desktop();
    HttpResponse<String> csv = service.get("/api/themes/narkotika/since?format=csv");
    assertEquals(200, csv.statusCode());
    List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(csv.body())).getRecords();
    assertEquals(290 * 10, records.size(), "a row per municipality and year");
    Set<String> with2021 = new TreeSet<>();
    records.stream().filter(r -> r.get("year").equals("2021") && r.get("status").equals("with"))
        .forEach(r -> with2021.add(r.get("kommunkod")));
    assertEquals(nation.municipalitiesWithTheme("narkotika", 2021), with2021);
  }

  @Test
  @Order(6)
  void theChartsShowEveryYearLinkTheirBarsAndStateTheCoverage() throws Exception {
    for (int width : new int[] {1280, 390}) {
      chrome.size(width, width == 390 ? 844 : 900);
      open("/?view=overview&theme=narkotika&year=2021");
      chrome.screenshot("journalist-06-overview-narkotika-" + width);
      if (width == 390) {
        noSidewaysScroll("overview");
      }
      assertTrue(chrome.driver().findElement(By.id("overview-coverage")).getText().contains("290 av 290 kommuner"));
      List<WebElement> bars = chrome.driver().findElements(By.cssSelector("#chart-years svg a.bar-link"));
      assertEquals(10, bars.size(), "a bar for every year");
      for (int i = 0; i < 10; i++) {
        String href = bars.get(i).getDomAttribute("href");
        assertTrue(href.contains("year=" + (2016 + i)) && href.contains("theme=narkotika"), href);
      }
      // Text stays readable: the chart is drawn at the width it is shown, so 12 px stays 12 px.
      Object smallest = chrome.script("return Math.min(...[...document.querySelectorAll('#chart-counties svg text')]"
          + ".map(t => t.getBoundingClientRect().height));");
      assertTrue(((Number) smallest).doubleValue() >= 11, "county labels at least 11 px high: " + smallest);
    }
    desktop();
  }

  @Test
  @Order(7)
  void theFeedsAreAtomAndANewSnapshotAppearsInTheRightFeeds() throws Exception {
    Map<String, com.rometools.rome.feed.atom.Feed> before = new HashMap<>();
    for (String path : List.of("kommun/1492", "county/14", "kommun/0114", "county/01", "theme/narkotika", "all")) {
      before.put(path, atom(path));
    }
    harvestAmalOverHttp();
    JsonNode timeline = api.json("/api/municipalities/1492/timeline");
    String fresh = null;
    Set<String> themes = new TreeSet<>();
    for (JsonNode promise : timeline.path("hydra:member")) {
      for (JsonNode c : promise.path("commitments")) {
        for (JsonNode s : c.path("source")) {
          if (s.path("url").asText().startsWith("http://127.0.0.1")) {
            fresh = s.path("@id").asText();
            c.path("theme").forEach(t -> themes.add(t.asText()));
          }
        }
      }
    }
    assertNotNull(fresh, "the harvested page is in the timeline");
    assertFalse(themes.isEmpty());
    for (String path : List.of("kommun/1492", "county/14", "all", "theme/" + themes.iterator().next())) {
      com.rometools.rome.feed.atom.Feed feed = atom(path);
      Set<String> ids = new TreeSet<>();
      feed.getEntries().forEach(e -> ids.add(e.getId()));
      assertTrue(ids.contains(fresh), path + " lists the new snapshot " + fresh);
    }
    for (String path : List.of("kommun/0114", "county/01")) {
      com.rometools.rome.feed.atom.Feed feed = atom(path);
      assertEquals(ids(before.get(path)), ids(feed), path + " is unchanged");
    }
    if (!themes.contains("narkotika")) {
      assertEquals(ids(before.get("theme/narkotika")), ids(atom("theme/narkotika")));
    }
    assertEquals(404, service.get("/feeds/kommun/0000.atom").statusCode());
    assertEquals(404, service.get("/feeds/theme/nosuch.atom").statusCode());
  }

  private static Set<String> ids(com.rometools.rome.feed.atom.Feed feed) {
    Set<String> out = new TreeSet<>();
    feed.getEntries().forEach(e -> out.add(e.getId()));
    return out;
  }

  /** Fetches a feed, parses it with Rome and checks what RFC 4287 requires of a feed and its entries. */
  private static com.rometools.rome.feed.atom.Feed atom(String path) throws Exception {
    HttpResponse<String> r = service.get("/feeds/" + path + ".atom");
    assertEquals(200, r.statusCode(), path);
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/atom+xml"));
    assertTrue(r.body().contains("xmlns=\"http://www.w3.org/2005/Atom\""), "the Atom 1.0 namespace");
    com.rometools.rome.io.WireFeedInput input = new com.rometools.rome.io.WireFeedInput();
    com.rometools.rome.feed.atom.Feed feed = (com.rometools.rome.feed.atom.Feed) input.build(new StringReader(r.body()));
    assertEquals("atom_1.0", feed.getFeedType());
    assertTrue(java.net.URI.create(feed.getId()).isAbsolute(), "atom:id is an absolute IRI");
    assertNotNull(feed.getTitle());
    assertNotNull(feed.getUpdated(), "atom:updated");
    assertFalse(feed.getAuthors().isEmpty(), "an author for the feed (and so for every entry)");
    assertTrue(feed.getOtherLinks().stream().anyMatch(l -> "self".equals(l.getRel())), "rel=self");
    assertEquals(1, feed.getAlternateLinks().size(), "one alternate page");
    Set<String> ids = new TreeSet<>();
    for (com.rometools.rome.feed.atom.Entry e : feed.getEntries()) {
      assertTrue(java.net.URI.create(e.getId()).isAbsolute(), "entry id");
      assertTrue(ids.add(e.getId()), "entry ids are unique: " + e.getId());
      assertNotNull(e.getTitle());
      assertNotNull(e.getUpdated(), "entry updated");
      assertFalse(e.getUpdated().after(feed.getUpdated()), "no entry is newer than its feed");
      assertEquals(1, e.getAlternateLinks().size(), "an alternate link (the municipality page)");
      assertTrue(e.getAlternateLinks().get(0).getHref().startsWith("http://localhost:" + service.service().port()));
    }
    return feed;
  }

  /** The Åmål page and its PDF, served on loopback (with a script and an image from the origin added) and harvested. */
  private static void harvestAmalOverHttp() throws Exception {
    Path sample = Path.of("harvest-config", "sample");
    origin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
    String tracker = "/tracker.png";
    origin.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      byte[] body;
      String type;
      if (path.equals(tracker)) {
        trackerHits.incrementAndGet();
        body = new byte[0];
        type = "image/png";
      } else if (path.equals("/robots.txt") || !Files.isRegularFile(sample.resolve(path.substring(1)))) {
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
        return;
      } else {
        body = Files.readAllBytes(sample.resolve(path.substring(1)));
        type = path.endsWith(".pdf") ? "application/pdf" : "text/html; charset=utf-8";
        if (path.endsWith(".html")) {
          int port = origin.getAddress().getPort();
          body = new String(body, StandardCharsets.UTF_8).replace("</body>", "<img id=\"tracker\" src=\"http://127.0.0.1:"
              + port + tracker + "\" alt=\"\"><script>document.title = 'SCRIPT RAN'; document.body.append("
              + "Object.assign(document.createElement('p'), {id: 'script-ran'}));</script></body>")
              .getBytes(StandardCharsets.UTF_8);
        }
      }
      exchange.getResponseHeaders().add("Content-Type", type);
      exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    origin.start();
    String base = "http://127.0.0.1:" + origin.getAddress().getPort();
    Path config = Files.createDirectories(folder.resolve("harvest-config"));
    Files.writeString(config.resolve("loftesgrafen.yaml"), """
        service:
          store: %s
        harvest:
          perHostDelay: 10ms
          allowPrivateAddresses: true
        """.formatted(folder.resolve("store")));
    Files.writeString(config.resolve("sources.yaml"), """
        sources:
          - url: %s/amal-2021.html
            municipality: "1492"
          - url: %s/amal-2021.pdf
            municipality: "1492"
        """.formatted(base, base));
    AppConfig harvestConfig = ConfigLoader.load(config, ConfigOverrides.none());
    HarvestSummary summary = Loftesgrafen.harvester(harvestConfig, service.service().store(), service.service().iris())
        .run(SourcesFile.read(harvestConfig.harvest().sources()));
    assertEquals(2, summary.stored(), summary.failed().toString());
    trackerHits.set(0);
  }

  @Test
  @Order(8)
  void theArchivedPageIsThePageAsFetchedInASandbox() throws Exception {
    List<String> snapshots = new ArrayList<>();
    for (JsonNode promise : api.json("/api/municipalities/1492/timeline").path("hydra:member")) {
      for (JsonNode c : promise.path("commitments")) {
        for (JsonNode s : c.path("source")) {
          if (s.path("url").asText().startsWith("http://127.0.0.1") && !snapshots.contains(s.path("@id").asText())) {
            snapshots.add(s.path("@id").asText());
          }
        }
      }
    }
    assertFalse(snapshots.isEmpty());
    String html = null;
    String pdf = null;
    for (String s : snapshots) {
      String id = s.substring(s.lastIndexOf('/') + 1);
      HttpResponse<byte[]> content = service.http().send(java.net.http.HttpRequest.newBuilder(
          service.uri("/archive/" + id + "/content")).build(), HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, content.statusCode());
      String policy = content.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(policy.startsWith("sandbox") && policy.contains("default-src 'none'"), policy);
      assertEquals("nosniff", content.headers().firstValue("X-Content-Type-Options").orElse(""));
      String sha = se.loftesgrafen.graph.Iris.sha256Hex(content.body());
      assertTrue(id.endsWith("-" + sha.substring(0, 16)), "the bytes are the snapshot's: " + id + " vs " + sha);
      if (content.headers().firstValue("Content-Type").orElse("").contains("pdf")) {
        pdf = id;
      } else {
        html = id;
      }
    }
    assertNotNull(html, "the HTML page");
    assertNotNull(pdf, "the PDF");
    for (int width : new int[] {1280, 390}) {
      chrome.size(width, width == 390 ? 844 : 900);
      chrome.driver().get(service.uri("/archive/" + html).toString());
      chrome.waiter().until(d -> !d.findElements(By.cssSelector("iframe.archived")).isEmpty());
      WebElement banner = chrome.driver().findElement(By.cssSelector(".archive-banner"));
      assertTrue(banner.findElement(By.cssSelector("a.source-url")).getText().startsWith("http://127.0.0.1"));
      assertTrue(banner.findElement(By.cssSelector("code.sha256")).getText().matches("[0-9a-f]{64}"));
      assertFalse(banner.findElement(By.cssSelector("time.fetched")).getText().isEmpty());
      chrome.driver().switchTo().frame(chrome.driver().findElement(By.cssSelector("iframe.archived")));
      chrome.waiter().until(d -> d.findElements(By.tagName("h1")).size() > 0);
      assertTrue(chrome.driver().findElement(By.tagName("body")).getText().contains("Åmål"));
      assertTrue(chrome.driver().findElements(By.id("script-ran")).isEmpty(), "the page's script did not run");
      chrome.driver().switchTo().defaultContent();
      chrome.screenshot("journalist-07-archived-page-" + width);
      if (width == 390) {
        noSidewaysScroll("archived page");
      }
    }
    assertEquals(0, trackerHits.get(), "the archived page made no request to its origin");
    chrome.driver().get(service.uri("/archive/" + pdf).toString());
    chrome.waiter().until(d -> !d.findElements(By.cssSelector(".pdf-page")).isEmpty());
    assertTrue(chrome.driver().findElement(By.cssSelector(".pdf-page pre")).getText().contains("Åmål"));
    chrome.screenshot("journalist-08-archived-pdf-390");
    noSidewaysScroll("archived PDF");
    desktop();
    assertEquals(404, service.get("/archive/000000000000-0000000000000000").statusCode());
    assertEquals(404, service.get("/archive/../../etc/passwd").statusCode());
  }
}
