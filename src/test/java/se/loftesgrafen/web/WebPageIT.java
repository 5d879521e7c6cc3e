package se.loftesgrafen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.loftesgrafen.testing.RunningService;
import se.loftesgrafen.testing.SyntheticNation;

/**
 * The web page in a real browser: Debian's headless Chromium driven through chromedriver, against the service on
 * port 0 with the bundled sample. Screenshots of each step go to target/screenshots/ (kept as test artifacts).
 * Never skipped: without Chromium it fails and says how to install it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPageIT {
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  @TempDir
  static Path folder;
  static RunningService service;
  static ChromeDriver browser;
  static WebDriverWait wait;
  static String sharedUrl;

  @BeforeAll
  static void start() throws Exception {
    se.loftesgrafen.testing.Browser.require(se.loftesgrafen.testing.Browser.chromium(),
        se.loftesgrafen.testing.Browser.chromedriver());
    String chromium = se.loftesgrafen.testing.Browser.chromium().toString();
    String driver = se.loftesgrafen.testing.Browser.chromedriver().toString();
    Files.createDirectories(SCREENSHOTS);
    service = RunningService.start(folder.resolve("store"));
    // A small synthetic nation next to the sample, so that the charts have years and counties to draw.
    SyntheticNation.generate(40, 2019, 4, 5, 3).load(service.service().store(), service.service().iris(), 100);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + Files.createTempDirectory(folder, "chromium"));
    ChromeDriverService driverService = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(driver).toFile())
        .usingAnyFreePort().build();
    browser = new ChromeDriver(driverService, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (service != null) {
      service.close();
    }
  }

  private static void open(String pathAndQuery) {
    browser.get(service.uri(pathAndQuery).toString());
    ready();
  }

  private static void ready() {
    wait.until(d -> "ready".equals(d.findElement(By.tagName("body")).getAttribute("data-state")));
  }

  private static void screenshot(String name) throws IOException {
    Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  private static List<WebElement> results() {
    return browser.findElements(By.cssSelector("#results li.result"));
  }

  @Test
  @Order(1)
  void searchForNarkotikaShowsHighlightedCommitmentsWithSources() throws Exception {
    open("/");
    WebElement box = browser.findElement(By.id("q"));
    assertEquals("Sökord", browser.findElement(By.cssSelector("label[for=q]")).getText());
    box.sendKeys("narkotika", Keys.ENTER);
    wait.until(d -> d.getCurrentUrl().contains("q=narkotika"));
    ready();
    screenshot("01-search-narkotika");
    assertFalse(results().isEmpty(), "results for narkotika on the sample");
    assertTrue(results().get(0).getText().contains("läst från fil"), results().get(0).getText());
    for (WebElement r : results()) {
      assertTrue(r.findElement(By.cssSelector("p.text mark")).getText().toLowerCase().startsWith("narkotika"));
      // the sample is read from files: a source read from a file is named, not linked, says so, and offers no
      // archived copy (there is none)
      String html = r.getAttribute("outerHTML");
      if (r.getText().contains("läst från fil")) {
        assertFalse(r.findElements(By.cssSelector("span.source")).isEmpty(), html);
        assertTrue(r.findElements(By.cssSelector("a.source, a.snapshot")).isEmpty(), html);
      }
      assertFalse(r.findElements(By.cssSelector("a.kommun")).isEmpty());
    }
  }

  @Test
  @Order(2)
  void filteringByCountyKeepsOnlyThatCounty() throws Exception {
    String kommun = results().get(0).findElement(By.cssSelector("a.kommun")).getAttribute("href");
    String code = kommun.replaceAll(".*kommun=(\\d{4}).*", "$1");
    String county = code.substring(0, 2);
    new Select(browser.findElement(By.id("county"))).selectByValue(county);
    wait.until(d -> d.getCurrentUrl().contains("county=" + county));
    ready();
    screenshot("02-search-county-" + county);
    assertFalse(results().isEmpty());
    for (WebElement r : results()) {
      String href = r.findElement(By.cssSelector("a.kommun")).getAttribute("href");
      assertTrue(href.matches(".*kommun=" + county + "\\d\\d.*"), href);
    }
    sharedUrl = browser.getCurrentUrl();
  }

  @Test
  @Order(3)
  void aSharedUrlRestoresTheSearchAfterAReload() throws Exception {
    int before = results().size();
    browser.navigate().refresh();
    ready();
    browser.get(sharedUrl);
    ready();
    screenshot("03-shared-url");
    assertEquals("narkotika", browser.findElement(By.id("q")).getAttribute("value"));
    String county = sharedUrl.replaceAll(".*county=(\\d\\d).*", "$1");
    assertEquals(county, new Select(browser.findElement(By.id("county"))).getFirstSelectedOption().getAttribute("value"));
    assertEquals(before, results().size());
  }

  @Test
  @Order(4)
  void aMunicipalityPageShowsItsTimelineAndItsSourcesCanBeFollowed() throws Exception {
    WebElement link = results().get(0).findElement(By.cssSelector("a.kommun"));
    String name = link.getText();
    link.click();
    wait.until(d -> d.getCurrentUrl().contains("kommun="));
    ready();
    screenshot("04-municipality");
    assertEquals(name, browser.findElement(By.id("kommun-title")).getText());
    List<WebElement> promises = browser.findElements(By.cssSelector("#timeline li.promise"));
    assertFalse(promises.isEmpty(), "a timeline");
    WebElement first = promises.get(0).findElement(By.cssSelector("li.result"));
    String code = browser.getCurrentUrl().replaceAll(".*kommun=(\\d{4}).*", "$1");
    JsonNode timeline = new ApiClient(service).json("/api/municipalities/" + code + "/timeline");
    JsonNode source = timeline.findValues("source").stream().filter(JsonNode::isArray).findFirst().orElseThrow()
        .get(0);
    String sourceUrl = source.get("url").asText();
    assertTrue(first.findElement(By.cssSelector(".source")).getText().endsWith(java.net.URI.create(sourceUrl)
        .getHost()), "the source the API names");
    assertTrue(source.get("httpStatus") == null && source.get("warcRecord") == null,
        "a page read from a file: no HTTP status, no WARC record: " + source);
    // The sample was read from local files: no archived copy is linked, and its /archive/ page says there is none,
    // naming the page and its hash.
    assertTrue(first.findElements(By.cssSelector("a.snapshot")).isEmpty());
    String id = source.get("@id").asText();
    browser.get(service.uri("/archive/" + id.substring(id.lastIndexOf('/') + 1)).toString()); // served HTML, no app
    wait.until(d -> !d.findElements(By.cssSelector("a.source-url")).isEmpty());
    screenshot("05-snapshot");
    assertTrue(browser.findElement(By.cssSelector("a.source-url")).getText().equals(sourceUrl),
        "the archived page names the page it was fetched from");
    assertTrue(browser.findElement(By.cssSelector("code.sha256")).getText().matches("[0-9a-f]{64}"));
    assertFalse(browser.findElements(By.cssSelector("p.no-copy")).isEmpty(), "no WARC record for a local file");
  }

  @Test
  @Order(5)
  void overviewDrawsChartsOfThemesOverYearsAndCounties() throws Exception {
    open("/?view=overview&theme=narkotika");
    screenshot("06-overview");
    assertEquals(2, browser.findElements(By.cssSelector(".chart svg[role=img] > title")).size());
    assertEquals(21, browser.findElements(By.cssSelector("#chart-counties svg rect.bar")).size(), "one bar per county");
    List<WebElement> years = browser.findElements(By.cssSelector("#chart-years svg rect.bar"));
    // The synthetic nation's four years, and the sample's years when its pages promise action on narkotika.
    assertTrue(years.size() >= 4, "a bar per year with data: " + years.size());
    assertTrue(years.stream().filter(b -> Double.parseDouble(b.getAttribute("height")) > 0).count() >= 4);
    String labels = browser.findElement(By.id("chart-years")).getText();
    for (int y = 2019; y <= 2022; y++) {
      assertTrue(labels.contains(String.valueOf(y)), y + " on the axis: " + labels);
    }
    // 40 synthetic municipalities and the sample's five of 290: most have nothing harvested, shown as such.
    assertTrue(browser.findElements(By.cssSelector("#chart-counties svg rect.bar-none")).stream()
        .anyMatch(b -> Double.parseDouble(b.getAttribute("width")) > 0), "\"nothing harvested\" is drawn, not 0 %");
    String coverage = browser.findElement(By.id("overview-coverage")).getText();
    assertTrue(coverage.matches("(?s).*\\d+ av 290 kommuner har hämtade löften, år \\d{4}–\\d{4}.*"), coverage);
    assertFalse(browser.findElements(By.cssSelector("link[rel=alternate][type='application/atom+xml'][href*='feeds/theme/narkotika']")).isEmpty());
  }

  @Test
  @Order(6)
  void coverageListsAllMunicipalities() throws Exception {
    open("/?view=coverage");
    screenshot("07-coverage");
    List<WebElement> rows = browser.findElements(By.cssSelector("#coverage-table tbody tr"));
    assertEquals(290, rows.size());
    // Never "saknas" for a municipality nobody looked at: the page's words per row match the API's states.
    long notHarvested = 0;
    for (JsonNode m : new ApiClient(service).allMembers("/api/coverage")) {
      notHarvested += m.get("coverage").asText().equals("not-harvested") ? 1 : 0;
    }
    assertTrue(notHarvested > 0 && notHarvested < 290, "the sample and the synthetic nation leave some unharvested");
    String table = browser.findElement(By.id("coverage-table")).getText();
    assertFalse(table.contains("saknas"), table.substring(0, 400));
    assertEquals(notHarvested, rows.stream().filter(r -> r.getText().endsWith("inte hämtad")).count());
    assertTrue(browser.findElement(By.id("coverage-status")).getText().contains(notHarvested + " inte hämtade"),
        browser.findElement(By.id("coverage-status")).getText());
  }

  @Test
  @Order(7)
  void englishLabelsAndAPhoneSizedScreen() throws Exception {
    browser.manage().window().setSize(new Dimension(390, 844));
    open("/?q=narkotika&lang=en");
    screenshot("08-phone-english");
    assertEquals("Search", browser.findElement(By.id("search-button")).getText());
    assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
    long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
        "return document.documentElement.scrollWidth - window.innerWidth;");
    assertTrue(overflow <= 0, "no sideways scrolling on a phone: " + overflow + "px");
    assertEquals("Löftesgrafen – citizen promises in Sweden", browser.getTitle(), "the title is English too");
    open("/?q=drugs&lang=en");
    screenshot("08b-phone-english-drugs");
    assertFalse(results().isEmpty(), "English theme labels are searched: drugs finds commitments on narkotika");
    for (WebElement r : results()) {
      assertTrue(r.findElement(By.cssSelector("ul.chips")).getText().contains("Drugs"), r.getText());
    }
    browser.manage().window().setSize(new Dimension(1280, 900));
  }

  @Test
  @Order(9)
  void anUnknownMunicipalityIsExplainedInThePagesLanguage() throws Exception {
    open("/?kommun=765");
    assertTrue(browser.findElement(By.id("kommun-status")).getText().contains("Det finns ingen kommun med koden 765"),
        browser.findElement(By.id("kommun-status")).getText());
    open("/?kommun=765&lang=en");
    assertTrue(browser.findElement(By.id("kommun-status")).getText().contains("There is no municipality with the code 765"));
  }

  @Test
  @Order(10)
  void theMunicipalityPageShowsWhoSignedAndComparesOnlyWithAnEarlierPromise() throws Exception {
    open("/?kommun=1492");
    screenshot("09-municipality-signatories");
    List<WebElement> promises = browser.findElements(By.cssSelector("#timeline li.promise"));
    assertFalse(promises.isEmpty());
    assertFalse(browser.findElements(By.cssSelector("#timeline p.signatories")).isEmpty(), "who signed");
    WebElement oldest = promises.get(promises.size() - 1);
    assertTrue(oldest.findElements(By.cssSelector(".chip.new, .chip.continued, .chip.dropped")).isEmpty(),
        "the first promise known has nothing to be new against");
    assertFalse(browser.findElements(By.cssSelector("link[rel=alternate][href*='feeds/kommun/1492.atom']")).isEmpty());
  }

  @Test
  @Order(11)
  void theStartPagePicksAMunicipalityByName() throws Exception {
    open("/");
    WebElement name = browser.findElement(By.id("kp-name"));
    name.sendKeys("Åmål");
    browser.findElement(By.id("kp-go")).click();
    wait.until(d -> d.getCurrentUrl().contains("kommun=1492"));
    ready();
    assertEquals("Åmål", browser.findElement(By.id("kommun-title")).getText());
  }

  @Test
  @Order(11)
  void thePickerForgivesAccentsCaseSpacesAndCodesAndSuggestsCloseNames() throws Exception {
    for (String[] typed : List.of(new String[] {"amal", "1492", "Åmål"}, new String[] {"Dals Ed", "1438", "Dals-Ed"},
        new String[] {"1492", "1492", "Åmål"})) {
      open("/");
      browser.findElement(By.id("kp-name")).sendKeys(typed[0]);
      browser.findElement(By.id("kp-go")).click();
      wait.until(d -> d.getCurrentUrl().contains("kommun=" + typed[1]));
      ready();
      assertEquals(typed[2], browser.findElement(By.id("kommun-title")).getText(), typed[0]);
    }
    open("/");
    browser.findElement(By.id("kp-name")).sendKeys("Amol");
    browser.findElement(By.id("kp-go")).click();
    wait.until(d -> d.findElement(By.id("search-status")).getText().contains("Ingen kommun heter"));
    String message = browser.findElement(By.id("search-status")).getText();
    assertTrue(message.contains("Menade du") && message.contains("Åmål (1492)"), message);
    assertFalse(message.contains("Något gick fel"), message);
    screenshot("11b-picker-close-names");
    open("/?kommun=dals%20ed");
    assertEquals("Dals-Ed", browser.findElement(By.id("kommun-title")).getText(), "a name in the URL too");
    assertTrue(browser.getCurrentUrl().contains("kommun=1438"), browser.getCurrentUrl());
  }

  @Test
  @Order(12)
  void anEmbedSnippetShowsTheViewAlone() throws Exception {
    open("/?view=map&theme=narkotika&year=2021");
    String snippet = browser.findElement(By.id("map-embed")).getAttribute("value");
    String src = snippet.replaceAll("(?s).*src=\"([^\"]+)\".*", "$1");
    assertTrue(src.contains("view=map") && src.contains("theme=narkotika") && src.contains("from=2021")
        && src.contains("embed=1"), snippet);
    browser.get(src);
    ready();
    screenshot("10-embed-map");
    assertFalse(browser.findElement(By.cssSelector("header.site")).isDisplayed(), "no site header in an embed");
    assertEquals(290, browser.findElements(By.cssSelector("#map svg a.kommun")).size());
  }

  @Test
  @Order(8)
  void theKeyboardReachesTheSkipLinkAndTheSearchBox() throws Exception {
    open("/");
    browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    WebElement active = browser.switchTo().activeElement();
    assertEquals("skip", active.getAttribute("class"));
    active.sendKeys(Keys.ENTER);
    for (int i = 0; i < 10 && !"q".equals(browser.switchTo().activeElement().getAttribute("id")); i++) {
      browser.switchTo().activeElement().sendKeys(Keys.TAB);
    }
    assertEquals("q", browser.switchTo().activeElement().getAttribute("id"), "the search box is reachable by Tab");
  }

  /**
   * Issue 22: a commitment the extractor is unsure of (below 0.6) says "osäker tolkning" in words, with the reason
   * and its number in Swedish as tooltip; "Visa bara säkra tolkningar" hides them.
   */
  @Test
  @Order(13)
  void uncertainCommitmentsSaySoAndTheFilterHidesThem() throws Exception {
    // The sample's pages give nothing below 0.694: one page's commitment the extractor was unsure of, recorded as
    // the harvester records a page (mapper and recorder), for Luleå.
    String text = "Polisen och kommunen ska se över belysningen i stadsparken.";
    var iris = service.service().iris();
    new se.loftesgrafen.graph.SnapshotRecorder(service.service().store(),
        new se.loftesgrafen.graph.PromiseMapper(iris, "test"), iris).record(new se.loftesgrafen.graph.SnapshotInfo(
            "https://www.lulea.se/medborgarlofte.html", java.time.Instant.parse("2026-11-20T03:12:45Z"), 200,
            "text/html", se.loftesgrafen.graph.Iris.sha256Hex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            java.util.Optional.empty(), java.util.Optional.empty(), "uncertain", java.util.Optional.empty()),
        new se.loftesgrafen.extract.ExtractedPromise("lulea.html", true,
            List.of(new se.loftesgrafen.extract.ExtractedPromise.MunicipalityRef("2580", "Luleå")),
            java.util.Optional.empty(), java.util.Optional.of(new se.loftesgrafen.extract.ExtractedPromise.Period(
                java.util.Optional.of("2024"), java.util.Optional.empty(), "2024")),
            java.util.Optional.empty(), java.util.Optional.empty(), List.of(), List.of(),
            List.of(new se.loftesgrafen.extract.Commitment(text, java.util.Set.of(se.loftesgrafen.extract.Commitment.Actor.POLISEN),
                List.of(), se.loftesgrafen.extract.Commitment.Kind.ACTIVITY, List.of(), 0, text.length(),
                java.util.Optional.of(new se.loftesgrafen.extract.Commitment.Confidence(0.42, 0.9, 0.9)))),
            java.util.Optional.of("Medborgarlöfte i Luleå 2024")));
    // The search index follows the store within a second or so.
    wait.until(d -> {
      try {
        return service.get("/api/search?minConfidence=0&q=stadsparken").body().contains("0.42");
      } catch (Exception e) {
        return false;
      }
    });
    JsonNode unsure = ApiClient.JSON.readTree(service.get("/api/search?minConfidence=0&q=stadsparken").body())
        .at("/hydra:member/0");
    int sure = ApiClient.JSON.readTree(service.get("/api/search?minConfidence=0.6").body()).get("hydra:totalItems")
        .asInt();
    open("/?kommun=" + unsure.at("/promise/municipality/0/municipalityCode").asText());
    WebElement item = browser.findElements(By.cssSelector("#timeline li.result")).stream()
        .filter(r -> r.findElement(By.cssSelector("p.text")).getText().equals(text)).findFirst().orElseThrow();
    screenshot("11-uncertain");
    assertTrue(item.getAttribute("class").contains("uncertain"), item.getAttribute("class"));
    WebElement note = item.findElement(By.cssSelector(".uncertain-note"));
    assertTrue(note.getText().startsWith("osäker tolkning"), note.getText());
    String number = unsure.get("confidence").asText().replace('.', ',');
    assertTrue(note.getAttribute("title").contains("osäker på att detta är ett åtagande")
        && note.getAttribute("title").contains(number), note.getAttribute("title") + " / " + number);

    open("/?minConfidence=0.6");
    screenshot("12-only-sure");
    assertTrue(browser.findElement(By.id("sure")).isSelected());
    assertEquals("Visa bara säkra tolkningar", browser.findElement(By.cssSelector("label[for=sure]")).getText());
    assertEquals(List.of(), browser.findElements(By.cssSelector(".uncertain-note")));
    assertTrue(browser.findElement(By.id("search-status")).getText().startsWith(sure + " åtaganden"),
        browser.findElement(By.id("search-status")).getText());
  }

  @Test
  @Order(14)
  void aFollowedUpCommitmentShowsItsStatusTheReportsWordsAndTheReport() throws Exception {
    var iris = service.service().iris();
    var store = service.service().store();
    var reader = se.loftesgrafen.extract.followup.FollowUpExtractor.create(
        se.loftesgrafen.extract.PromiseExtractor.create(se.loftesgrafen.vocab.ThemeLexiconLoader.load()));
    var recorder = new se.loftesgrafen.graph.SnapshotRecorder(store, new se.loftesgrafen.graph.PromiseMapper(iris, "test"),
        iris);
    String reportUrl = "https://polisen.se/om-polisen/medborgarloften/hjo/uppfoljning-medborgarlofte-2024/";
    for (String[] page : List.of(new String[] {"https://www.hjo.se/medborgarlofte-2024.html", "promise.html"},
        new String[] {reportUrl, "report.html"})) {
      byte[] body = Files.readAllBytes(Path.of("src/test/resources/web/followup", page[1]));
      var reading = reader.read(new se.loftesgrafen.extract.SourceDocument(page[0], java.net.URI.create(page[0]), body,
          java.util.Optional.of("text/html")));
      recorder.record(new se.loftesgrafen.graph.SnapshotInfo(page[0], java.time.Instant.parse("2026-11-20T03:12:45Z"),
          200, "text/html", se.loftesgrafen.graph.Iris.sha256Hex(body), java.util.Optional.empty(),
          java.util.Optional.empty(), "followup", java.util.Optional.empty()), reading, java.util.Optional.empty());
    }
    assertEquals(3, new se.loftesgrafen.graph.FollowUpLinker(store).link());
    open("/?kommun=1497");
    wait.until(d -> !d.findElements(By.cssSelector("#timeline .followup")).isEmpty());
    screenshot("13-followup");
    WebElement drugs = timelineItem("Polisen ska genomföra minst fem riktade insatser");
    WebElement followUp = drugs.findElement(By.cssSelector(".followup"));
    assertEquals("hållet", followUp.findElement(By.cssSelector(".status")).getText());
    assertEquals("Polisen har genomfört åtta riktade narkotikainsatser i hamnområdet.",
        followUp.findElement(By.cssSelector("blockquote.evidence")).getAttribute("textContent"));
    assertEquals(reportUrl, followUp.findElement(By.cssSelector("a.report")).getAttribute("href"));
    assertTrue(followUp.findElement(By.cssSelector("a.report-archive")).getAttribute("href").contains("/archive/"));
    assertEquals("delvis hållet", timelineItem("Polisen ska genomföra minst tio hastighetskontroller")
        .findElement(By.cssSelector(".followup .status")).getText());
    assertEquals("går inte att bedöma (rapporten nämner det inte)",
        timelineItem("Kommunen ska tillsammans med fastighetsägarna").findElement(By.cssSelector(".followup .status"))
            .getText());
    assertEquals(List.of(), timelineItem("Polisen ska hålla öppet hus").findElements(By.cssSelector(".followup")),
        "no report is not 'not kept': nothing is shown");
    String feed = service.get("/feeds/kommun/1497.atom").body();
    assertTrue(feed.contains("<title>Uppföljning publicerad: Uppföljning medborgarlöfte 2024 Hjo</title>"), feed);
    // a 2024 promise fetched in 2026 is not news: dated by its period, no "Nytt:" (FeedDatesIT)
    assertTrue(feed.contains("<title>Medborgarlöfte Hjo 2024</title>"), feed);
    assertTrue(feed.contains("term=\"followup\""), feed);
  }

  private static WebElement timelineItem(String start) {
    return browser.findElements(By.cssSelector("#timeline li.result")).stream()
        .filter(r -> r.findElement(By.cssSelector("p.text")).getText().startsWith(start)).findFirst()
        .orElseThrow(() -> new AssertionError("no commitment starting '" + start + "' on the page"));
  }
}
