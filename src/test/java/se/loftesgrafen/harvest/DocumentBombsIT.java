package se.loftesgrafen.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.loftesgrafen.testing.ReplicaProcess;

/**
 * Documents built to exhaust a reader, harvested from a loopback site beside ordinary pages by {@code serve} in a
 * child JVM with a 256 MB heap: a 600 KB PDF whose page content inflates to 600 MB of operands (it gave
 * OutOfMemoryError before), a PDF of a million glyphs of text, and an HTML page of 10,000 nested elements. Each
 * fails its own page with one line naming the limit; the ordinary pages are stored; the service answers after.
 */
class DocumentBombsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "bombs-admin-token";
  private static final int PAGES = 3;
  @TempDir
  Path dir;

  @Test
  void eachBombFailsItsPageWithOneLineAndTheRestIsStoredUnder256Mb() throws Exception {
    try (OriginServer origin = new OriginServer(dir.resolve("empty"), List.of("kommun"))) {
      program(origin);
      Path config = configure(origin);
      try (ReplicaProcess service = ReplicaProcess.start("bombs", config, dir.resolve("serve.log"), "256m",
          Map.of("LOFTESGRAFEN_ADMIN_TOKEN", TOKEN))) {
        assertEquals(202, service.post("/admin/harvest", TOKEN).statusCode(), service.log());
        JsonNode last = finished(service);
        List<String> problems = new ArrayList<>();
        last.path("problems").forEach(p -> problems.add(p.asText()));
        assertEquals(PAGES, last.path("stored").asInt(), "ordinary pages stored: " + last + "\n" + service.log());
        assertOneLine(problems, "/bomb.pdf", "inflates to more than 16 MB");
        assertOneLine(problems, "/glyphs.pdf", "more than 500000 glyphs");
        assertOneLine(problems, "/nested.html", "nests elements deeper than 256");
        assertTrue(service.isAlive(), service.log());
        assertEquals(200, service.get("/health").statusCode());
        String stored = service.get("/sparql?query=" + URLEncoder.encode("SELECT (COUNT(DISTINCT ?url) AS ?n) "
            + "{ GRAPH ?g { ?g <https://schema.org/url> ?url ; <https://w3id.org/loftesgrafen/def#sha256> ?s } }",
            StandardCharsets.UTF_8), "Accept", "text/csv").body();
        assertEquals("n\r\n" + PAGES, stored.strip());
        assertTrue(!service.log().contains("OutOfMemoryError"), service.log());
      }
    }
  }

  private static void assertOneLine(List<String> problems, String path, String reason) {
    List<String> lines = problems.stream().filter(p -> p.contains(path)).toList();
    assertEquals(1, lines.size(), path + ": " + problems);
    assertTrue(lines.get(0).contains(reason) && !lines.get(0).contains("\n")
        && !lines.get(0).contains("Exception"), lines.get(0));
  }

  private static JsonNode finished(ReplicaProcess service) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode status = JSON.readTree(service.get("/harvest/status").body());
      if (status.path("current").isNull() && !status.path("last").isNull()) {
        return status.path("last");
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the harvest did not end within 240 s:\n" + service.log());
  }

  private void program(OriginServer origin) throws IOException {
    StringBuilder index = new StringBuilder("<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\">"
        + "<title>Kommunen</title></head><body><main><ul>");
    for (int i = 1; i <= PAGES; i++) {
      index.append("<li><a href=\"/trygghet/medborgarlofte-").append(i).append(".html\">Medborgarlöfte ")
          .append(i).append("</a></li>");
      byte[] page = HarvestKillIT.page(i).getBytes(StandardCharsets.UTF_8);
      origin.answer("kommun", "/trygghet/medborgarlofte-" + i + ".html",
          (x, n) -> OriginServer.send(x, 200, "text/html; charset=utf-8", page));
    }
    index.append("<li><a href=\"/nested.html\">Medborgarlöfte</a></li>"); // the PDFs are sources of their own
    byte[] home = index.append("</ul></main></body></html>").toString().getBytes(StandardCharsets.UTF_8);
    origin.answer("kommun", "/", (x, n) -> OriginServer.send(x, 200, "text/html; charset=utf-8", home));
    // "1 " is one operand: PDFBox keeps every operand until an operator comes, which here never does
    byte[] bomb = pdf(deflated("", "1 ".getBytes(StandardCharsets.US_ASCII), 600L << 20), "");
    assertTrue(bomb.length < 1 << 20, "the bomb is small: " + bomb.length);
    origin.answer("kommun", "/bomb.pdf", (x, n) -> OriginServer.send(x, 200, "application/pdf", bomb));
    byte[] line = "(Polisen ska genomfora trafikkontroller i hela kommunen varje vecka under aret) Tj 0 -1 Td "
        .getBytes(StandardCharsets.US_ASCII);
    byte[] glyphs = pdf(deflated("BT /F1 12 Tf 10 800 Td ", line, 14L << 20), "/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica"
        + " >> >>");
    origin.answer("kommun", "/glyphs.pdf", (x, n) -> OriginServer.send(x, 200, "application/pdf", glyphs));
    byte[] nested = ("<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Medborgarlöfte</title>"
        + "</head><body>" + "<div>".repeat(10_000) + "<p>Polisen ska öka närvaron i centrum.</p>"
        + "</div>".repeat(10_000) + "</body></html>").getBytes(StandardCharsets.UTF_8);
    origin.answer("kommun", "/nested.html", (x, n) -> OriginServer.send(x, 200, "text/html; charset=utf-8", nested));
  }

  /** {@code head}, then {@code unit} repeated to {@code size} bytes, deflated (zlib, as /FlateDecode reads it). */
  static byte[] deflated(String head, byte[] unit, long size) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[(1 << 20) / unit.length * unit.length];
    for (int i = 0; i < chunk.length; i++) {
      chunk[i] = unit[i % unit.length];
    }
    try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
      z.write(head.getBytes(StandardCharsets.US_ASCII));
      for (long written = 0; written < size; written += chunk.length) {
        z.write(chunk);
      }
    }
    return out.toByteArray();
  }

  /** A one-page PDF whose page content is the given deflated stream, with these resources. */
  static byte[] pdf(byte[] content, String resources) {
    List<byte[]> objects = List.of(
        "<< /Type /Catalog /Pages 2 0 R >>".getBytes(StandardCharsets.US_ASCII),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".getBytes(StandardCharsets.US_ASCII),
        ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << " + resources
            + " >> >>").getBytes(StandardCharsets.US_ASCII),
        concat(("<< /Length " + content.length + " /Filter /FlateDecode >>\nstream\n")
            .getBytes(StandardCharsets.US_ASCII), content, "\nendstream".getBytes(StandardCharsets.US_ASCII)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      offsets.add(out.size());
      out.writeBytes(((i + 1) + " 0 obj\n").getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(objects.get(i));
      out.writeBytes("\nendobj\n".getBytes(StandardCharsets.US_ASCII));
    }
    int xref = out.size();
    StringBuilder tail = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
    offsets.forEach(o -> tail.append(String.format("%010d 00000 n \n", o)));
    tail.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
        .append("\n%%EOF\n");
    out.writeBytes(tail.toString().getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private Path configure(OriginServer origin) throws IOException {
    Path configDir = Files.createDirectories(dir.resolve("config"));
    Files.writeString(configDir.resolve("loftesgrafen.yaml"), """
        service:
          store: %s
          host: 127.0.0.1
        harvest:
          sampleOnEmptyStore: false
          perHostDelay: 50ms
          firstByteTimeout: 5s
          allowPrivateAddresses: true
          pagesPerHost: 100
        """.formatted(dir.resolve("store")));
    Files.writeString(configDir.resolve("sources.yaml"), """
        sources:
          - url: %1$s/
            discover: true
          - url: %1$s/bomb.pdf
          - url: %1$s/glyphs.pdf
        """.formatted(origin.base("kommun")));
    return configDir;
  }
}
