package se.loftesgrafen.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.loftesgrafen.Loftesgrafen;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.config.ConfigLoader;
import se.loftesgrafen.config.ConfigOverrides;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;

/**
 * A promise page and the follow-up report on it (pages written for this test), served over loopback and harvested
 * into a real TDB2 store: SPARQL then finds the commitment with the status the report gives it, the evidence
 * sentence, and the report with the snapshot it was read from. The report is harvested first, so the link is
 * made after the run, once the promise is in.
 */
class FollowUpHarvestIT {
  static final String PROMISE = """
      <!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Medborgarlöfte Hjo 2024</title></head>
      <body><main>
      <h1>Medborgarlöfte Hjo 2024</h1>
      <p>Polisen och Hjo kommun lovar invånarna i Hjo kommun följande under 2024.</p>
      <h2>Det här ska vi göra</h2>
      <ul>
        <li>Polisen ska genomföra minst fem riktade insatser mot narkotika i och kring hamnen.</li>
        <li>Polisen ska genomföra minst tio hastighetskontroller på Storgatan och vid skolorna.</li>
        <li>Kommunen ska tillsammans med fastighetsägarna förbättra belysningen i Guldkroksparken.</li>
      </ul>
      <p>Anna Berg (C), kommunstyrelsens ordförande<br>Per Lund, lokalpolisområdeschef</p>
      </main></body></html>
      """;
  static final String REPORT = """
      <!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Uppföljning medborgarlöfte 2024 Hjo</title></head>
      <body><main>
      <h1>Uppföljning medborgarlöfte 2024 Hjo</h1>
      <p>I medborgarlöftet för 2024 lovade polisen och Hjo kommun att särskilt arbeta mot narkotika och för tryggare trafik.</p>
      <p>Detta lovade vi:</p>
      <ul>
        <li>Minst fem riktade insatser mot narkotika i och kring hamnen.</li>
        <li>Minst tio hastighetskontroller på Storgatan och vid skolorna.</li>
        <li>Kommunen ska tillsammans med fastighetsägarna förbättra belysningen i Guldkroksparken.</li>
      </ul>
      <p>Så här blev det:</p>
      <ul>
        <li>Tre hastighetskontroller genomfördes på Storgatan under våren, därefter inga fler.</li>
        <li>Polisen har genomfört åtta riktade narkotikainsatser i hamnområdet.</li>
      </ul>
      <p>Till toppen</p>
      </main></body></html>
      """;

  @TempDir
  Path folder;

  @Test
  void aHarvestedReportGivesTheCommitmentItsStatusEvidenceAndReport() throws Exception {
    HttpServer origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    serve(origin, "/hjo/uppfoljning-medborgarlofte-2024/", REPORT);
    serve(origin, "/hjo/medborgarlofte-2024/", PROMISE);
    origin.start();
    String base = "http://127.0.0.1:" + origin.getAddress().getPort();
    AppConfig config = ConfigLoader.load(Path.of("harvest-config"), new ConfigOverrides(Optional.of("8080"),
        Optional.of(folder.toString()), Optional.empty(), Map.of("LOFTESGRAFEN_ALLOW_PRIVATE_ADDRESSES", "true")));
    List<Map<String, String>> rows;
    List<Map<String, String>> items;
    String jsonLd;
    org.apache.jena.graph.Graph described;
    try (PromiseStore store = PromiseStore.embedded(folder)) {
      Harvester harvester = Loftesgrafen.harvester(config, store, new Iris(config.baseIri()));
      HarvestSummary report = harvester.run(List.of(source(base + "/hjo/uppfoljning-medborgarlofte-2024/")));
      assertEquals(1, report.stored(), report.toString());
      HarvestSummary promise = harvester.run(List.of(source(base + "/hjo/medborgarlofte-2024/")));
      assertEquals(1, promise.stored(), promise.toString());
      rows = select(store, """
          PREFIX lg: <https://w3id.org/loftesgrafen/def#>
          PREFIX schema: <https://schema.org/>
          PREFIX dcterms: <http://purl.org/dc/terms/>
          PREFIX prov: <http://www.w3.org/ns/prov#>
          SELECT ?text ?status ?evidence ?report ?url ?sha ?score WHERE {
            ?promise a lg:CitizenPromise ; lg:commitment ?c .
            ?c schema:text ?text ; lg:followUpStatus ?status ; lg:followedUpBy ?item .
            ?item lg:followsUp ?c ; lg:linkScore ?score ; dcterms:isPartOf ?report .
            OPTIONAL { ?item lg:evidence/schema:text ?evidence }
            ?report a lg:FollowUpReport ; prov:wasDerivedFrom ?snapshot .
            ?snapshot schema:url ?url ; lg:sha256 ?sha .
          } ORDER BY ?text""");
      items = select(store, """
          PREFIX lg: <https://w3id.org/loftesgrafen/def#>
          PREFIX schema: <https://schema.org/>
          SELECT ?text ?status ?reason WHERE {
            ?item a lg:FollowUpItem ; schema:text ?text ; lg:followUpStatus ?status .
            OPTIONAL { ?item lg:unclearReason ?reason }
          } ORDER BY ?text""");
      String commitment = select(store, """
          PREFIX lg: <https://w3id.org/loftesgrafen/def#>
          SELECT ?c WHERE { ?c lg:followUpStatus lg:kept ; a lg:Commitment }""").get(0).get("c");
      described = new se.loftesgrafen.graph.describe.ResourceDescriber(store, Duration.ofSeconds(30))
          .describe(org.apache.jena.rdf.model.ResourceFactory.createResource(commitment));
      jsonLd = se.loftesgrafen.vocab.JsonLdContext.compact(described, config.baseIri().toString());
    } finally {
      origin.stop(0);
    }
    assertTrue(jsonLd.contains("\"followUpStatus\": \"kept\""), jsonLd);
    assertTrue(jsonLd.contains("\"followedUpBy\""), jsonLd);
    assertTrue(described.isIsomorphicWith(se.loftesgrafen.vocab.JsonLdContext.read(jsonLd,
        "https://w3id.org/loftesgrafen/")), "the JSON-LD expands to exactly the described triples");
    assertEquals(3, items.size(), items.toString());
    assertEquals(3, rows.size(), "each restated commitment linked to the promise's: " + rows);
    Map<String, String> drugs = row(rows, "Polisen ska genomföra minst fem riktade insatser");
    assertEquals("https://w3id.org/loftesgrafen/def#kept", drugs.get("status"));
    assertEquals("Polisen har genomfört åtta riktade narkotikainsatser i hamnområdet.", drugs.get("evidence"));
    assertTrue(drugs.get("url").endsWith("/hjo/uppfoljning-medborgarlofte-2024/"), drugs.get("url"));
    assertEquals(64, drugs.get("sha").length());
    assertTrue(drugs.get("report").startsWith("https://w3id.org/loftesgrafen/id/uppfoljning/1497/2024/"),
        drugs.get("report"));
    assertTrue(Double.parseDouble(drugs.get("score")) >= 0.5);
    assertEquals("https://w3id.org/loftesgrafen/def#partlyKept",
        row(rows, "Polisen ska genomföra minst tio hastighetskontroller").get("status"));
    Map<String, String> light = row(rows, "Kommunen ska tillsammans med fastighetsägarna");
    assertEquals("https://w3id.org/loftesgrafen/def#uncheckable", light.get("status"));
    assertFalse(light.containsKey("evidence"), "silence gives no evidence");
    assertEquals("https://w3id.org/loftesgrafen/def#notMentioned",
        row(items, "Kommunen ska tillsammans med fastighetsägarna").get("reason"));
  }

  private static Map<String, String> row(List<Map<String, String>> rows, String start) {
    return rows.stream().filter(r -> r.get("text").startsWith(start)).findFirst()
        .orElseThrow(() -> new AssertionError("no row for '" + start + "' in " + rows));
  }

  private static Source source(String url) {
    return new Source(URI.create(url), List.of(), false, Optional.empty(), Optional.empty());
  }

  private static void serve(HttpServer server, String path, String html) {
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    server.createContext(path, x -> {
      x.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      x.sendResponseHeaders(200, body.length);
      x.getResponseBody().write(body);
      x.close();
    });
  }

  private static List<Map<String, String>> select(PromiseStore store, String sparql) {
    return store.query(QueryFactory.create(sparql), Duration.ofSeconds(30), exec -> {
      List<Map<String, String>> out = new ArrayList<>();
      ResultSet rs = ResultSet.adapt(exec.select());
      while (rs.hasNext()) {
        QuerySolution s = rs.next();
        Map<String, String> row = new java.util.HashMap<>();
        s.varNames().forEachRemaining(v -> row.put(v, s.get(v).isLiteral() ? s.getLiteral(v).getLexicalForm()
            : s.getResource(v).getURI()));
        out.add(row);
      }
      return out;
    });
  }
}
