package se.loftesgrafen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import se.loftesgrafen.testing.Chrome;
import se.loftesgrafen.testing.RunningService;

/**
 * The page without JavaScript (issue 26), on the bundled sample in headless Chromium with scripts turned off: the
 * home page lists the municipalities with a promise, and a municipality's page shows the same commitments as the
 * script draws with JavaScript on (the texts are compared).
 */
class NoScriptIT {
  @TempDir
  static Path folder;
  static RunningService service;
  static Chrome withScript;
  static Chrome without;

  @BeforeAll
  static void start() throws Exception {
    service = RunningService.start(folder.resolve("store"));
    withScript = Chrome.start(folder.resolve("chromium-js"));
    without = Chrome.start(folder.resolve("chromium-nojs"), "--blink-settings=scriptEnabled=false");
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {withScript, without, service}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static List<String> texts(Chrome chrome, String css) {
    return chrome.driver().findElements(By.cssSelector(css)).stream().map(WebElement::getText).sorted().toList();
  }

  @Test
  void aMunicipalityShowsTheSameCommitmentsWithAndWithoutJavaScript() throws Exception {
    withScript.open(service.uri("/?kommun=1492").toString());
    List<String> drawn = texts(withScript, "#timeline ul.commitments p.text");
    assertFalse(withScript.driver().findElement(By.id("server-facts")).isDisplayed(), "the script draws the view");

    without.driver().get(service.uri("/?kommun=1492").toString());
    without.screenshot("noscript-kommun-1492");
    assertFalse("ready".equals(without.driver().findElement(By.tagName("body")).getAttribute("data-state")),
        "scripts are off in this browser");
    List<String> written = texts(without, "#server-facts .server-commitments p.text");
    assertFalse(drawn.isEmpty());
    assertEquals(drawn, written);
    assertTrue(without.driver().findElement(By.cssSelector("#server-facts h2")).getText().startsWith("Åmål"));
    assertTrue(without.driver().findElement(By.tagName("main")).getText().contains("behöver JavaScript"),
        "the noscript note");
  }

  @Test
  void aNameInTheUrlWorksWithoutJavaScriptToo() throws Exception {
    without.driver().get(service.uri("/?kommun=dals%20ed").toString());
    assertTrue(without.driver().findElement(By.cssSelector("#server-facts h2")).getText().startsWith("Dals-Ed"));
    assertFalse(texts(without, "#server-facts .server-commitments p.text").isEmpty());
  }

  @Test
  void theHomePageListsTheMunicipalitiesWithAPromiseWithoutJavaScript() throws Exception {
    without.driver().get(service.uri("/").toString());
    without.screenshot("noscript-home");
    List<String> names = texts(without, "#server-facts ul.server-municipalities a");
    assertEquals(List.of("Askersund", "Dals-Ed", "Karlstad", "Älmhult", "Åmål").stream().sorted().toList(), names);
  }
}
