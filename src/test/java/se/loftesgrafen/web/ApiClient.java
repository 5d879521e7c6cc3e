package se.loftesgrafen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import se.loftesgrafen.testing.RunningService;

/** Reads the comparison API of a running service the way a client would: JSON pages, following hydra:next. */
final class ApiClient {
  static final ObjectMapper JSON = new ObjectMapper();
  private final RunningService service;

  ApiClient(RunningService service) {
    this.service = service;
  }

  JsonNode json(String pathAndQuery) throws Exception {
    HttpResponse<String> r = service.get(pathAndQuery, "Accept", "application/ld+json");
    assertEquals(200, r.statusCode(), pathAndQuery + ": " + r.body());
    return JSON.readTree(r.body());
  }

  /** Every member of every page, following hydra:next from {@code pathAndQuery}. */
  List<JsonNode> allMembers(String pathAndQuery) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    String next = pathAndQuery;
    int guard = 0;
    while (next != null && guard++ < 1000) {
      JsonNode page = json(next);
      page.get("hydra:member").forEach(out::add);
      JsonNode link = page.at("/hydra:view/hydra:next");
      next = link.isMissingNode() ? null : link.asText().replaceFirst("^https?://[^/]+", "");
    }
    return out;
  }

  List<CSVRecord> csv(String pathAndQuery) throws Exception {
    HttpResponse<String> r = service.get(pathAndQuery, "Accept", "text/csv");
    assertEquals(200, r.statusCode(), pathAndQuery + ": " + r.body());
    assertEquals("text/csv; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(r.body())).getRecords();
  }

  HttpResponse<String> raw(String pathAndQuery) throws Exception {
    return service.get(pathAndQuery);
  }
}
