package se.loftesgrafen.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromiseJsonTest {
  @Test
  void writesTheKeysOfTheIssueWithNullsForAbsentValues() throws IOException {
    ExtractedPromise p = Fixtures.extractor().extract(Fixtures.text("amal.txt", """
        Medborgarlöfte i Åmål

        Det här ska vi göra

          1. Polisen har som mål att lagföra minst fem personer för narkotikabrott.

        Jenny Wester
        Lokalpolisområdeschef
        Östra Fyrbodal
        """));
    JsonNode o = new ObjectMapper().readTree(PromiseJson.line(p));
    List<String> keys = new ArrayList<>();
    o.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("source", "isPromise", "municipalities", "policeArea", "period", "published", "updated",
        "basedOn", "signatories", "commitments"), keys);
    assertEquals("amal.txt", o.get("source").asText());
    assertEquals("1492", o.get("municipalities").get(0).get("code").asText());
    assertEquals("Östra Fyrbodal", o.get("policeArea").asText());
    assertTrue(o.get("published").isNull());
    assertTrue(o.get("period").isNull());
    JsonNode sig = o.get("signatories").get(0);
    assertEquals("Jenny Wester", sig.get("name").asText());
    assertTrue(sig.get("party").isNull());
    JsonNode c = o.get("commitments").get(0);
    List<String> ckeys = new ArrayList<>();
    c.fieldNames().forEachRemaining(ckeys::add);
    assertEquals(List.of("text", "actors", "themes", "kind", "confidence", "actorsConfidence", "themesConfidence",
        "targets"), ckeys);
    for (String k : List.of("confidence", "actorsConfidence", "themesConfidence")) {
      double v = c.get(k).asDouble();
      assertTrue(c.get(k).isNumber() && v >= 0 && v <= 1, k + " " + c.get(k));
    }
    // A numbered item under "Det här ska vi göra" with a subject and a target is as sure a commitment as any.
    assertTrue(c.get("confidence").asDouble() > 0.8, c.toString());
    assertEquals("goal", c.get("kind").asText());
    assertEquals(5, c.get("targets").get(0).get("quantity").asInt());
    assertEquals("personer", c.get("targets").get(0).get("unit").asText());
  }

  @Test
  void errorLineCarriesSourceAndError() throws IOException {
    JsonNode o = new ObjectMapper().readTree(PromiseJson.errorLine("x.pdf", "cannot read", false));
    assertEquals("x.pdf", o.get("source").asText());
    assertEquals("cannot read", o.get("error").asText());
  }
}
