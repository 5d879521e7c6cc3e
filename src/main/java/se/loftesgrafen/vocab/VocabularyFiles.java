package se.loftesgrafen.vocab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The vocabulary files of vocab/ on the classpath, parsed against the service's base IRI: their data IRIs
 * ({@code <id/kommun/1492>}, {@code <id/tema/narkotika>}) are relative (common brief: identifiers). The service
 * loads {@link #load(String)} into the store at start.
 */
public final class VocabularyFiles {
  public static final String ONTOLOGY = "vocab/loftesgrafen.ttl";
  public static final String CONCEPTS = "vocab/begrepp.ttl";
  public static final String THEMES = "vocab/teman.ttl";
  public static final String REGISTER = "vocab/kommuner.ttl";
  public static final String SHAPES = "vocab/shapes.ttl";
  public static final String CONTEXT = "vocab/context.jsonld";

  /** Everything the store holds as reference data; the shapes are not data and stay out. */
  public static final List<String> DATA = List.of(ONTOLOGY, CONCEPTS, THEMES, REGISTER);

  private VocabularyFiles() {}

  /** All of {@link #DATA} in one graph. */
  public static Graph load(String baseIri) {
    Graph graph = GraphFactory.createDefaultGraph();
    for (String resource : DATA) {
      parseInto(graph, resource, baseIri);
    }
    return graph;
  }

  /** All of {@link #DATA} as a model, with the usual prefixes. */
  public static Model model(String baseIri) {
    return ModelFactory.createModelForGraph(load(baseIri));
  }

  /** One Turtle file of vocab/ (by its classpath name, e.g. {@link #THEMES}). */
  public static Graph load(String resource, String baseIri) {
    Graph graph = GraphFactory.createDefaultGraph();
    parseInto(graph, resource, baseIri);
    return graph;
  }

  /**
   * Parses a classpath Turtle resource into the graph; any error or warning (bad IRI, bad literal) fails with
   * the resource name and line, as {@code riot --validate --strict} would report it.
   */
  public static void parseInto(Graph graph, String resource, String baseIri) {
    VocabIris.checkBase(baseIri);
    try (InputStream in = open(resource)) {
      RDFParser.source(in)
          .lang(Lang.TURTLE)
          .base(baseIri)
          .errorHandler(ErrorHandlerFactory.errorHandlerStrictNoLogging)
          .parse(graph);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + resource, e);
    } catch (RuntimeException e) {
      throw new IllegalStateException(resource + ": " + e.getMessage(), e);
    }
  }

  /** Opens a classpath resource; fails with its name when it is missing from the jar. */
  public static InputStream open(String resource) {
    InputStream in = VocabularyFiles.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing classpath resource " + resource);
    }
    return in;
  }
}
