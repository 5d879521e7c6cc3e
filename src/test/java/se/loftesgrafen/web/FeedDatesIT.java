package se.loftesgrafen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.loftesgrafen.testing.RunningService;

/**
 * The Atom feed dates each entry by the promise's own date (its publication, else its period's start), with the
 * fetch time only as atom:updated (issue 26): on the bundled sample, promises of 2016–2022 harvested now are not
 * "Nytt". Expected dates come from SPARQL over /sparql, so they hold whatever the extractor found.
 */
class FeedDatesIT {
  @TempDir
  static Path folder;
  static RunningService service;

  @BeforeAll
  static void start() throws Exception {
    service = RunningService.start(folder);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void entriesArePublishedOnThePromisesOwnDateAndUpdatedWhenFetched() throws Exception {
    HttpResponse<String> q = service.sparql("""
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX dcat: <http://www.w3.org/ns/dcat#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX lg: <https://w3id.org/loftesgrafen/def#>
        SELECT ?snapshot ?issued ?start ?at WHERE {
          ?p a lg:CitizenPromise ; prov:wasDerivedFrom ?snapshot . ?snapshot prov:generatedAtTime ?at .
          OPTIONAL { ?p dcterms:issued ?issued }
          OPTIONAL { ?p dcterms:temporal/dcat:startDate ?start }
        }""", "application/sparql-results+json");
    assertEquals(200, q.statusCode(), q.body());
    Map<String, String> own = new HashMap<>();
    Map<String, String> fetched = new HashMap<>();
    for (JsonNode b : ApiClient.JSON.readTree(q.body()).at("/results/bindings")) {
      String snapshot = b.at("/snapshot/value").asText();
      String date = b.has("issued") ? b.at("/issued/value").asText() : b.at("/start/value").asText();
      own.put(snapshot, date.length() >= 10 ? date.substring(0, 10) : "");
      fetched.put(snapshot, b.at("/at/value").asText());
    }
    HttpResponse<String> r = service.get("/feeds/all.atom");
    assertEquals(200, r.statusCode());
    com.rometools.rome.feed.atom.Feed feed = (com.rometools.rome.feed.atom.Feed)
        new com.rometools.rome.io.WireFeedInput().build(new StringReader(r.body()));
    assertEquals(5, feed.getEntries().size(), "the five sample pages");
    for (com.rometools.rome.feed.atom.Entry e : feed.getEntries()) {
      String expected = own.get(e.getId());
      assertTrue(expected != null && !expected.isEmpty(), e.getId() + " has a date of its own: " + own);
      assertEquals(expected, e.getPublished().toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString(),
          e.getTitle());
      assertEquals(java.time.Instant.parse(fetched.get(e.getId())).getEpochSecond(),
          e.getUpdated().toInstant().getEpochSecond(), "updated is the fetch time: " + e.getTitle());
      assertTrue(e.getPublished().toInstant().atOffset(ZoneOffset.UTC).getYear() <= 2022, e.getTitle());
      assertFalse(e.getTitle().startsWith("Nytt:"), "a promise of years ago is not news: " + e.getTitle());
    }
  }
}
