package se.loftesgrafen.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.jena.query.ParameterizedSparqlString;

/** SPARQL kept as files in {@code src/main/resources/queries/*.rq}, read once and bound by name. */
public final class Queries {
  private Queries() {}

  /** A fresh parameterized copy of {@code queries/<name>.rq}. */
  public static ParameterizedSparqlString load(String name) {
    String path = "/queries/" + name + ".rq";
    try (InputStream in = Queries.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing query resource " + path);
      }
      return new ParameterizedSparqlString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read query resource " + path, e);
    }
  }
}
