package se.loftesgrafen.outcomes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.graph.GraphFactory;

/** The SHACL shapes of the outcome graph (vocab/utfall/shapes.ttl), compiled once. */
public final class OutcomeShapes {
  public static final String RESOURCE = "vocab/utfall/shapes.ttl";
  private static final Shapes SHAPES = parse();

  private OutcomeShapes() {}

  /** The violations, one line each (focus node, path, message); empty when the graph conforms. */
  public static List<String> violations(Graph graph) {
    ValidationReport report = ShaclValidator.get().validate(SHAPES, graph);
    return report.getEntries().stream()
        .map(e -> e.focusNode() + " " + e.resultPath() + ": " + e.message()).toList();
  }

  /** Fails with the first violations when the graph does not conform. */
  public static void check(Graph graph) {
    List<String> violations = violations(graph);
    if (!violations.isEmpty()) {
      throw new IllegalArgumentException("the outcome graph does not conform to " + RESOURCE + " ("
          + violations.size() + " violations), e.g. " + violations.subList(0, Math.min(3, violations.size())));
    }
  }

  private static Shapes parse() {
    try (InputStream in = OutcomeShapes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + RESOURCE);
      }
      Graph g = GraphFactory.createDefaultGraph();
      RDFParser.source(in).lang(Lang.TURTLE).parse(g);
      return Shapes.parse(g);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + RESOURCE, e);
    }
  }
}
