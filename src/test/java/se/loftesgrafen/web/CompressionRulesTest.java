package se.loftesgrafen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which answers are gzipped, and which Accept-Encoding headers ask for it. */
class CompressionRulesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "text/html;charset=UTF-8|true",
      "text/javascript;charset=UTF-8|true",
      "text/css|true",
      "application/json|true",
      "application/ld+json; charset=utf-8|true",
      "application/sparql-results+json|true",
      "image/svg+xml; charset=utf-8|true",
      "application/atom+xml|true",
      "application/gzip|false",
      "application/n-quads|false",
      "text/event-stream|false",
      "text/turtle|false",
      "image/png|false",
  })
  void compressesThePageAndApiTypesOnly(String type, boolean expected) {
    assertEquals(expected, ResponseCompression.compressible(type), type);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "gzip, deflate, br, zstd|true",
      "deflate, GZIP|true",
      "gzip;q=0.5|true",
      "*|true",
      "gzip;q=0|false",
      "gzip; q=0.0|false",
      "deflate|false",
      "identity|false",
  })
  void readsAcceptEncoding(String header, boolean expected) {
    assertEquals(expected, CompressedWebroot.acceptsGzip(header), header);
  }

  @Test
  void everyTextFileOfTheWebrootIsServedGzipped() throws Exception {
    TreeSet<String> inFolder = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("src", "main", "resources", "webroot"))) {
      files.map(p -> "/" + p.getFileName()).filter(n -> n.matches(".*\\.(html|js|css|json|svg)"))
          .forEach(inFolder::add);
    }
    assertEquals(inFolder, new TreeSet<>(CompressedWebroot.FILES));
  }

  @Test
  void varyTokensAreComparedWholly() {
    assertEquals(true, ResponseCompression.hasToken("Accept, Accept-Encoding", "accept"));
    assertEquals(false, ResponseCompression.hasToken("Accept-Encoding", "accept"));
  }
}
