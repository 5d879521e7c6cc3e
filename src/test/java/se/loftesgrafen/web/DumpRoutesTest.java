package se.loftesgrafen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whether an Accept-Encoding header lets the N-Quads go out gzip-coded (RFC 9110 12.5.3). */
class DumpRoutesTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "NONE", value = {
      "NONE | false",
      "'' | false",
      "gzip | true",
      "gzip, deflate, br, zstd | true",
      "GZIP | true",
      "x-gzip | true",
      "gzip;q=0 | false",
      "gzip; q=0.0, identity | false",
      "gzip;q=0.5 | true",
      "* | true",
      "*;q=0 | false",
      "br, *;q=0.1 | true",
      "gzip;q=0, * | false",
      "identity | false",
      "br | false",
      "gzip;q=abc | false"})
  void gzipIsTakenWhenNamedOrAnyWithAWeight(String header, boolean gzip) {
    assertEquals(gzip, DumpRoutes.acceptsGzip(header), String.valueOf(header));
  }
}
