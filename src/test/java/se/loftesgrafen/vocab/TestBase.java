package se.loftesgrafen.vocab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Shared settings of the vocab tests. */
final class TestBase {
  /** A base with a path, so that a relative IRI resolved against the wrong thing shows. */
  static final String BASE = "https://data.example.org/loftesgrafen/";

  private TestBase() {}

  static String resource(String name) {
    try (InputStream in = TestBase.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
