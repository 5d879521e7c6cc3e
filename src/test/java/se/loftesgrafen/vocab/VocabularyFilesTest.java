package se.loftesgrafen.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VocabularyFilesTest {

  static Stream<String> turtleFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("vocab"))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ttl")).sorted().toList().stream();
    }
  }

  /** Like {@code riot --validate --strict}: no error and no warning, in every Turtle file of vocab/. */
  @ParameterizedTest
  @MethodSource("turtleFiles")
  void parsesWithoutErrorsOrWarnings(String file) {
    List<String> problems = new ArrayList<>();
    ErrorHandler collect = new ErrorHandler() {
      @Override public void warning(String message, long line, long col) { problems.add(line + ":" + col + " " + message); }
      @Override public void error(String message, long line, long col) { problems.add(line + ":" + col + " " + message); }
      @Override public void fatal(String message, long line, long col) { problems.add(line + ":" + col + " " + message); }
    };
    Graph graph = GraphFactory.createDefaultGraph();
    try (InputStream in = VocabularyFiles.open("vocab/" + file)) {
      RDFParser.source(in).lang(Lang.TURTLE).base(TestBase.BASE).strict(true).errorHandler(collect).parse(graph);
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (RuntimeException e) {
      problems.add(e.getMessage());
    }
    assertEquals(List.of(), problems, file);
    assertTrue(graph.size() > 10, file + " is (nearly) empty");
  }

  @Test
  void everyTurtleFileIsLoadedAsDataOrShapes() throws IOException {
    Set<String> loaded = Stream.concat(VocabularyFiles.DATA.stream(), Stream.of(VocabularyFiles.SHAPES))
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> present = turtleFiles().map(f -> "vocab/" + f).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(present, loaded);
  }

  @Test
  void relativeIrisResolveAgainstTheBase() {
    Graph graph = VocabularyFiles.load(TestBase.BASE);
    Node amal = NodeFactory.createURI(TestBase.BASE + "id/kommun/1492");
    Node narkotika = NodeFactory.createURI(TestBase.BASE + "id/tema/narkotika");
    Node polisen = NodeFactory.createURI(TestBase.BASE + "id/aktor/polisen");
    assertTrue(graph.contains(amal, RDF.type.asNode(), LG.Municipality.asNode()));
    assertTrue(graph.contains(narkotika, RDF.type.asNode(), Node.ANY));
    assertTrue(graph.contains(polisen, RDF.type.asNode(), Node.ANY));
    boolean leaked = graph.find().toList().stream()
        .flatMap(t -> Stream.of(t.getSubject(), t.getObject()))
        .anyMatch(n -> n.isURI() && n.getURI().contains("/id/") && !n.getURI().startsWith(TestBase.BASE));
    assertFalse(leaked, "an id/ IRI did not resolve against the base");
  }

  @Test
  void rejectsBaseWithoutTrailingSlash() {
    assertThrows(IllegalArgumentException.class, () -> VocabularyFiles.load("http://localhost:8080/app"));
    assertThrows(IllegalArgumentException.class, () -> VocabularyFiles.load("id/"));
  }
}
