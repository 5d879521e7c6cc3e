package se.loftesgrafen.vocab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.core.Prologue;

/**
 * Validates graphs against vocab/shapes.ttl. Data points at reference data (a commitment's theme must be a
 * concept of our schemes, a promise's municipality must be in the register), so a graph is validated together
 * with the reference graph, by default the whole of vocab/ ({@link VocabularyFiles#load(String)}).
 * Thread-safe: the shapes and the reference are read-only after construction.
 */
public final class ShapesValidator {
  private final Shapes shapes;
  private final Graph reference;
  private final PrefixMap prefixes;
  private final Prologue prologue;

  private ShapesValidator(Shapes shapes, Graph reference) {
    this.shapes = shapes;
    this.reference = reference;
    this.prefixes = shapes.getPrefixMap();
    this.prologue = new Prologue(shapes.getGraph().getPrefixMapping());
  }

  /** Shapes and reference data from the classpath, parsed against the service's base IRI. */
  public static ShapesValidator create(String baseIri) {
    return create(baseIri, VocabularyFiles.load(baseIri));
  }

  /** Shapes from the classpath; {@code reference} is what data may point at (e.g. the store's vocab graph). */
  public static ShapesValidator create(String baseIri, Graph reference) {
    Graph shapesGraph = VocabularyFiles.load(VocabularyFiles.SHAPES, baseIri);
    return new ShapesValidator(Shapes.parse(shapesGraph), Objects.requireNonNull(reference, "reference"));
  }

  /**
   * Validates the resources of {@code data} (its subjects and the resources it points at), looking up what they
   * refer to in {@code data} and the reference data together. The reference data itself is not validated again
   * (the tests do that once), so this costs milliseconds per page rather than a pass over the whole register.
   */
  public Report validate(Graph data) {
    Graph union = new Union(data, reference);
    Set<Node> focus = new LinkedHashSet<>();
    data.find().forEachRemaining(t -> {
      focus.add(t.getSubject());
      if (!t.getObject().isLiteral()) {
        focus.add(t.getObject());
      }
    });
    List<ReportEntry> entries = new ArrayList<>();
    for (Node node : focus) {
      entries.addAll(ShaclValidator.get().validate(shapes, union, node).getEntries());
    }
    return report(entries);
  }

  /** Validates a graph that already holds the reference data (e.g. a store's union graph). */
  public Report validateAlone(Graph graph) {
    return report(ShaclValidator.get().validate(shapes, graph).getEntries());
  }

  private Report report(java.util.Collection<ReportEntry> entries) {
    List<Result> results = entries.stream()
        .map(this::result)
        .distinct()
        .sorted(Comparator.comparing(Result::line))
        .toList();
    return new Report(results);
  }

  private Result result(ReportEntry entry) {
    String path = entry.resultPath() == null ? "" : entry.resultPath().toString(prologue);
    Optional<String> value = Optional.ofNullable(entry.value()).map(this::format);
    return new Result(entry.severity().level().equals(Severity.Violation.level()) ? Level.VIOLATION : Level.WARNING,
        format(entry.focusNode()), path, entry.message(), value);
  }

  private String format(Node node) {
    return NodeFmtLib.str(node, prefixes);
  }

  public enum Level { VIOLATION, WARNING }

  /**
   * One validation result.
   *
   * @param level     violations fail a graph, warnings do not
   * @param focusNode the resource in error, in Turtle syntax
   * @param path      the property path, or empty for a node-level constraint
   * @param message   the shape's message, or Jena's description of the failed constraint
   * @param value     the offending value, when there is one
   */
  public record Result(Level level, String focusNode, String path, String message, Optional<String> value) {
    public Result {
      Objects.requireNonNull(level, "level");
      Objects.requireNonNull(focusNode, "focusNode");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(value, "value");
    }

    /** {@code VIOLATION <id/lofte/1492/2021/atagande/ab12> schema:text: a commitment has ...}. */
    public String line() {
      return level + " " + focusNode + (path.isEmpty() ? "" : " " + path) + ": " + message
          + value.map(v -> " [value " + v + "]").orElse("");
    }
  }

  /** The outcome: a graph conforms when no result is a violation. */
  public record Report(List<Result> results) {
    public Report {
      results = List.copyOf(results);
    }

    public boolean conforms() {
      return violations().isEmpty();
    }

    public List<Result> violations() {
      return results.stream().filter(r -> r.level() == Level.VIOLATION).toList();
    }

    public List<Result> warnings() {
      return results.stream().filter(r -> r.level() == Level.WARNING).toList();
    }

    /** One readable line per result, violations first. */
    public List<String> lines() {
      return results.stream()
          .sorted(Comparator.comparing(Result::level))
          .map(Result::line)
          .toList();
    }
  }
}
