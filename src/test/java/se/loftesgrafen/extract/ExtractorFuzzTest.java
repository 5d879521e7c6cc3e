package se.loftesgrafen.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No input makes the extractor throw anything but a checked "cannot read" for a broken PDF, and none takes long:
 * random bytes, truncated pages, 10 000 levels of nesting, a 5 MB page, PDF headers with garbage behind them.
 */
class ExtractorFuzzTest {
  private static final Duration LIMIT = Duration.ofSeconds(10);

  static Stream<Long> seeds() {
    return LongStreamHolder.SEEDS.stream();
  }

  private static final class LongStreamHolder {
    static final java.util.List<Long> SEEDS = IntStream.range(0, 40).mapToObj(i -> 7919L * i + 13).toList();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void randomBytesNeverThrow(long seed) {
    Random r = new Random(seed);
    byte[] b = new byte[r.nextInt(20_000)];
    r.nextBytes(b);
    if (seed % 3 == 0 && b.length > 20) {
      byte[] head = "<html><body><ul><li>".getBytes(StandardCharsets.UTF_8);
      System.arraycopy(head, 0, b, 0, head.length);
    }
    extractSafely("random-" + seed, b);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void truncatedFixturesNeverThrow(long seed) {
    var cases = Fixtures.cases();
    Fixtures.Case c = cases.get((int) (seed % cases.size()));
    byte[] body = c.document().body();
    int cut = new Random(seed).nextInt(Math.max(1, body.length));
    extractSafely(c.name() + "-cut-" + cut, java.util.Arrays.copyOf(body, cut));
  }

  @Test
  void deeplyNestedMarkupIsReadWithoutStackOverflow() {
    StringBuilder html = new StringBuilder("<html><body>");
    html.append("<div><ul><li>".repeat(10_000));
    html.append("Polisen ska genomföra trafikkontroller.");
    html.append("</li></ul></div>".repeat(10_000));
    html.append("</body></html>");
    ExtractedPromise p = extractSafely("nested", html.toString().getBytes(StandardCharsets.UTF_8));
    assertNotNull(p);
  }

  @Test
  void hugePageIsExtractedInBoundedTime() {
    StringBuilder html = new StringBuilder("<html><head><title>Medborgarlöfte i Hjo 2024</title></head><body><main>");
    html.append("<h2>Polisen lovar att:</h2><ul>");
    int i = 0;
    while (html.length() < 5_000_000) {
      html.append("<li>Polisen ska genomföra trafikkontroll nummer ").append(i++).append(" vid skolan.</li>\n");
      html.append("<p>Bakgrund med många ord om trygghet och narkotika i kommunen, år 2024.</p>\n");
    }
    html.append("</ul></main></body></html>");
    ExtractedPromise p = extractSafely("huge", html.toString().getBytes(StandardCharsets.UTF_8));
    assertTrue(p.commitments().size() >= 100, "commitments on a huge page: " + p.commitments().size());
  }

  @Test
  void brokenPdfIsACheckedErrorWithItsSource() {
    byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage".getBytes(StandardCharsets.ISO_8859_1);
    IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
        () -> Fixtures.extractor().extract(Fixtures.doc("broken.pdf", pdf)));
    assertTrue(e.getMessage().startsWith("broken.pdf"), e.getMessage());
  }

  @Test
  void emptyDocumentIsNoPromise() throws IOException {
    ExtractedPromise p = Fixtures.extractor().extract(Fixtures.doc("empty.txt", new byte[0]));
    assertEquals(false, p.isPromise());
    assertTrue(p.commitments().isEmpty());
  }

  /** Extracts; a checked error is allowed (the CLI reports it per file), anything else fails the test. */
  private static ExtractedPromise extractSafely(String name, byte[] body) {
    return assertTimeoutPreemptively(LIMIT, () -> {
      try {
        return Fixtures.extractor().extract(Fixtures.doc(name, body));
      } catch (IOException e) {
        assertTrue(e.getMessage().startsWith(name), "error names its source: " + e.getMessage());
        return new ExtractedPromise(name, false, java.util.List.of(), java.util.Optional.empty(),
            java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), java.util.List.of(),
            java.util.List.of(), java.util.List.of(), java.util.Optional.empty());
      }
    });
  }
}
