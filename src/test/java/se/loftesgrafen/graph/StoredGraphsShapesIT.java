package se.loftesgrafen.graph;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.RowSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.loftesgrafen.testing.RunningService;
import se.loftesgrafen.testing.SyntheticNation;
import se.loftesgrafen.vocab.ShapesValidator;

/**
 * Every named graph the service stores passes our own shapes (vocab/shapes.ttl): the graphs of the bundled sample
 * as harvested by a running service, and one year of the national synthetic graph as the mapper makes it (every
 * municipality; the other years differ only in numbers and would add a minute).
 */
class StoredGraphsShapesIT {
  @TempDir
  Path store;

  @Test
  void everyGraphOfTheHarvestedSamplePassesTheShapes() throws Exception {
    try (RunningService service = RunningService.start(store)) {
      PromiseStore s = service.service().store();
      Iris iris = service.service().iris();
      Node vocab = NodeFactory.createURI(iris.vocabularyGraph().getURI());
      ShapesValidator validator = ShapesValidator.create(iris.base(), s.graph(vocab));
      List<Node> graphs = s.query(QueryFactory.create("SELECT DISTINCT ?g { GRAPH ?g { } }"), Duration.ofSeconds(10),
          exec -> {
            List<Node> names = new ArrayList<>();
            RowSet rows = exec.select();
            rows.forEachRemaining(b -> names.add(b.get("g")));
            return names;
          });
      graphs.remove(vocab);
      assertTrue(graphs.size() >= 5, "the sample has a graph per page: " + graphs);
      List<String> problems = new ArrayList<>();
      for (Node g : graphs) {
        ShapesValidator.Report report = validator.validate(s.graph(g));
        report.violations().forEach(v -> problems.add(g.getURI() + ": " + v.line()));
      }
      assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
  }

  @Test
  void everyGraphOfTheSyntheticNationPassesTheShapes() {
    Iris iris = new Iris(java.net.URI.create("http://localhost:8080/"));
    ShapesValidator validator = ShapesValidator.create(iris.base());
    PromiseMapper mapper = new PromiseMapper(iris, "synthetic");
    SyntheticNation nation = SyntheticNation.generate(290, 2016, 1, 10, 42);
    List<String> problems = new ArrayList<>();
    for (SyntheticNation.Page page : nation.pages()) {
      Graph graph = mapper.map(page.promise(), page.snapshot()).getGraph();
      validator.validate(graph).violations().forEach(v -> problems.add(page.snapshot().url() + ": " + v.line()));
    }
    assertTrue(problems.isEmpty(), problems.size() + " violations:\n"
        + String.join("\n", problems.subList(0, Math.min(20, problems.size()))));
  }
}
