package se.loftesgrafen.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import se.loftesgrafen.graph.Queries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.vocab.ShapesValidator;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Checks every stored named graph against the SHACL shapes in vocab/shapes.ttl.",
        "Prints violations; exits non-zero if any."})
final class ValidateCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions options;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    AppConfig config = options.load(Optional.empty(), Optional.empty());
    PrintWriter out = spec.commandLine().getOut();
    long triples = 0;
    int graphs = 0;
    int violations = 0;
    int warnings = 0;
    try (PromiseStore store = PromiseStore.embedded(config.service().store())) {
      // The store was written with some base IRI (the service's port or public base); its vocabulary graph says which.
      Optional<String> vocab = store.query(Queries.load("vocabulary-graph").asQuery(), Duration.ofMinutes(1),
          exec -> {
            ResultSet rows = ResultSet.adapt(exec.select());
            return rows.hasNext() ? Optional.of(rows.next().getResource("g").getURI()) : Optional.<String>empty();
          });
      String base = vocab.map(g -> g.substring(0, g.length() - "graph/vocab".length()))
          .orElse(config.baseIri().toString());
      // Shapes and reference data (register, theme concepts) with relative IRIs resolved against the store's base.
      ShapesValidator validator = ShapesValidator.create(base);
      // Each named graph on its own, as the harvester checked it before storing: the shapes describe one source
      // snapshot. Two snapshots may say different things of one commitment (two pages restating it at different
      // offsets give it two lg:textStart) without either being wrong.
      for (Node name : graphNames(store)) {
        if (vocab.isPresent() && name.getURI().equals(vocab.get())) {
          continue;
        }
        Graph data = store.graph(name);
        ShapesValidator.Report report = validator.validate(data);
        report.lines().forEach(line -> out.println("<" + name.getURI() + "> " + line));
        triples += data.size();
        graphs++;
        violations += report.violations().size();
        warnings += report.warnings().size();
      }
    }
    out.printf("%d triples checked in %d graphs, %d violations, %d warnings%n", triples, graphs, violations,
        warnings);
    out.flush();
    return violations == 0 ? 0 : 1;
  }

  private static List<Node> graphNames(PromiseStore store) {
    return store.query(QueryFactory.create("SELECT DISTINCT ?g { GRAPH ?g { } } ORDER BY ?g"),
        Duration.ofMinutes(10), exec -> {
          List<Node> names = new ArrayList<>();
          exec.select().forEachRemaining(b -> names.add(b.get("g")));
          return names;
        });
  }
}
