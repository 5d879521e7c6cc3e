package se.loftesgrafen.graph.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** "Not harvested" is never "missing": the four coverage states and when each municipality was last tried. */
class CoverageStatusTest {

  @ParameterizedTest
  @CsvSource({
      "true,  true,  true,  current",
      "true,  false, true,  old",
      "false, false, true,  nothing-found",
      "false, false, false, not-harvested",
  })
  void classifiesFromWhatWasFound(boolean anyPromise, boolean current, boolean tried, String expected) {
    assertEquals(expected, CoverageStatus.of(anyPromise, current, tried).id());
  }

  @Test
  void onlyHarvestedMunicipalitiesCanBeKnownToLackAPromise() {
    assertFalse(CoverageStatus.NOT_HARVESTED.knownMissing());
    assertFalse(CoverageStatus.NOT_HARVESTED.harvested());
    assertFalse(CoverageStatus.CURRENT.knownMissing());
    assertTrue(CoverageStatus.OLD.knownMissing());
    assertTrue(CoverageStatus.NOTHING_FOUND.knownMissing());
    assertTrue(CoverageStatus.NOTHING_FOUND.harvested());
  }

  @Test
  void aSourcePageWithoutAPromiseStillCountsAsTriedWithItsLatestTime() {
    TriedSources sources = new TriedSources(Map.of(
        "https://www.amal.se/medborgarlofte", Set.of("1492"),
        "https://polisen.se/dalsland", Set.of("1438", "1492"),
        "https://www.bengtsfors.se/lofte", Set.of("1460")));
    Map<String, String> pages = Map.of(
        "https://www.amal.se/medborgarlofte", "2026-03-01T10:00:00Z",
        "https://polisen.se/dalsland", "2026-04-01T10:00:00Z",
        "https://nyheter.example/elsewhere", "2026-05-01T10:00:00Z");
    Map<String, String> last = sources.lastTried(pages, Map.of("https://nyheter.example/elsewhere", Set.of("1882")));
    assertEquals("2026-04-01T10:00:00Z", last.get("1492"), "the later of its two pages");
    assertEquals("2026-04-01T10:00:00Z", last.get("1438"));
    assertEquals("2026-05-01T10:00:00Z", last.get("1882"), "a page a promise of it came from");
    assertFalse(last.containsKey("1460"), "its source has no snapshot: not tried");
  }
}
