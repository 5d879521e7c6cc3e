package se.loftesgrafen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.loftesgrafen.testing.FusekiProcess;
import se.loftesgrafen.testing.RunningService;

/**
 * The service with its store on a real Fuseki (service.remoteStore, here LOFTESGRAFEN_REMOTE_STORE): it loads the
 * vocabulary and harvests the sample into Fuseki, and answers SPARQL and resources from there.
 */
class RemoteStoreServiceIT {
  @TempDir
  Path folder;

  @Test
  void theServiceRunsOnAFusekiStore() throws Exception {
    try (FusekiProcess fuseki = FusekiProcess.start(folder.resolve("fuseki"), false, "512m");
         RunningService service = RunningService.start(folder.resolve("store"),
             Map.of("LOFTESGRAFEN_REMOTE_STORE", fuseki.dataset().toString()))) {
      String q = "PREFIX lg: <https://w3id.org/loftesgrafen/def#> SELECT (COUNT(DISTINCT ?p) AS ?n) "
          + "{ ?p a lg:CitizenPromise }";
      HttpResponse<String> ours = service.sparql(q, "text/csv");
      HttpResponse<String> direct = service.get("/health");
      assertEquals(200, direct.statusCode(), direct.body());
      int n = Integer.parseInt(ours.body().lines().skip(1).findFirst().orElseThrow().trim());
      assertTrue(n >= 5, "promises harvested into Fuseki: " + ours.body());
      // the same count straight from Fuseki: the data is there, not in a local TDB2
      HttpResponse<String> fromFuseki = service.http().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
          fuseki.dataset() + "/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
          .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(ours.body().strip(), fromFuseki.body().strip());
      HttpResponse<String> kommun = service.get("/id/kommun/1438", "Accept", "text/turtle");
      assertEquals(200, kommun.statusCode(), kommun.body());
      assertTrue(kommun.body().contains("Dals-Ed") && kommun.body().contains("id/lofte/1438/"), kommun.body());
    }
  }
}
