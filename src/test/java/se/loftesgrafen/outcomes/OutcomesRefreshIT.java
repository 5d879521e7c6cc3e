package se.loftesgrafen.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;

/**
 * The refresh from Kolada's API against a local stand-in on 127.0.0.1 (never the internet), into a real TDB2 store:
 * all pages are read, a changed value is updated, an error answer changes nothing.
 */
class OutcomesRefreshIT {
  static final Iris IRIS = new Iris(URI.create("http://localhost:8080/"));
  static final OutcomeIris NAMES = new OutcomeIris(IRIS);

  @TempDir
  Path folder;

  @Test
  void aChangedValueIsUpdatedAndAnErrorAnswerChangesNothing() throws Exception {
    OutcomeData bundled = OutcomeData.bundled();
    Outcome amal = bundled.outcomes().stream().filter(o -> o.code().equals("1492") && o.kpi().equals("N07544")
        && o.year() == 2019).findFirst().orElseThrow();
    Outcome other = bundled.outcomes().stream().filter(o -> o.code().equals("0114") && o.kpi().equals("N07544")
        && o.year() == 2019).findFirst().orElseThrow();
    BigDecimal newValue = amal.value().add(new BigDecimal("12.5"));
    try (PromiseStore store = PromiseStore.embedded(folder.resolve("store"));
         KoladaStandIn kolada = new KoladaStandIn(bundled.outcomes(), 1000)) {
      OutcomesLoader.load(store, IRIS);
      KoladaClient client = new KoladaClient(HttpClient.newHttpClient(), kolada.base(), "loftesgrafen-test");
      OutcomesRefresh refresh = new OutcomesRefresh(client);
      kolada.change("N07544", "1492", 2019, newValue);

      kolada.failPage("N07544", 2);
      long before = store.version();
      OutcomesRefresh.Result failed = refresh.refresh(store, IRIS, bundled, LocalDate.of(2026, 12, 8));
      assertEquals(1, failed.failures().size(), failed.toString());
      assertEquals(500, failed.failures().get(0).status());
      assertTrue(failed.failures().get(0).url().toString().contains("page=2"), failed.toString());
      assertTrue(failed.loaded().isEmpty());
      assertEquals(before, store.version(), "nothing written");
      assertEquals(0, amal.value().compareTo(value(store, amal)), "the old value stays");

      kolada.failPage("", -1);
      OutcomesRefresh.Result done = refresh.refresh(store, IRIS, bundled, LocalDate.of(2026, 12, 8));
      assertEquals(java.util.List.of(), done.failures());
      assertEquals(bundled.outcomes().size(), done.fetched(), "every value of every page, no county, no gender");
      assertTrue(kolada.laterPages.get() > 19, "followed next_page: " + kolada.laterPages.get() + " later pages");
      assertEquals(1, done.changed());
      assertTrue(done.loaded().orElseThrow().written());
      assertEquals(0, newValue.compareTo(value(store, amal)), "the changed value is in the graph");
      assertEquals(0, other.value().compareTo(value(store, other)), "the others are as they were");
      assertEquals("2026-12-08", store.query(QueryFactory.create("PREFIX dcterms: <http://purl.org/dc/terms/> "
          + "SELECT ?d { <" + NAMES.sourceCopy().getURI() + "> dcterms:created ?d }"), Duration.ofMinutes(1),
          exec -> exec.select().next().get("d").getLiteralLexicalForm()), "retrieved: the day of the refresh");

      long after = store.version();
      OutcomesRefresh.Result again = refresh.refresh(store, IRIS, bundled, LocalDate.of(2026, 12, 9));
      assertFalse(again.loaded().orElseThrow().written(), "the same figures again: nothing written");
      assertEquals(after, store.version());
    }
  }

  static BigDecimal value(PromiseStore store, Outcome o) {
    return store.query(QueryFactory.create("SELECT ?v { <" + NAMES.observation(o).getURI()
        + "> <https://w3id.org/loftesgrafen/def/utfall#value> ?v }"), Duration.ofMinutes(1),
        exec -> new BigDecimal(exec.select().next().get("v").getLiteralLexicalForm()));
  }

  /** The CLI against the stand-in: an error answer is reported, exits 1 and writes no outcome graph. */
  @Test
  void theRefreshCommandReportsAFailureAndWritesNothing() throws Exception {
    OutcomeData bundled = OutcomeData.bundled();
    try (KoladaStandIn kolada = new KoladaStandIn(bundled.outcomes(), 5000)) {
      kolada.failPage("N07540", 1);
      java.io.StringWriter out = new java.io.StringWriter();
      picocli.CommandLine cl = se.loftesgrafen.cli.Main.commandLine();
      cl.setOut(new java.io.PrintWriter(out, true));
      Path store = folder.resolve("cli");
      int exit = cl.execute("outcomes", "refresh", "--store", store.toString(), "--api", kolada.base().toString());
      assertEquals(1, exit, out.toString());
      assertTrue(out.toString().contains("failed: N07540"), out.toString());
      assertTrue(out.toString().contains("nothing written"), out.toString());
      try (PromiseStore opened = PromiseStore.embedded(store)) {
        assertEquals(0, opened.graph(NAMES.graphNode()).size(), "no outcome graph");
      }
    }
  }
}
