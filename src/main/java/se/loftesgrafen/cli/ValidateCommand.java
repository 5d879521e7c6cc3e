package se.loftesgrafen.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import se.loftesgrafen.Loftesgrafen;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.StoreException;
import se.loftesgrafen.vocab.ShapesValidator;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Checks the stored graph against the SHACL shapes in vocab/shapes.ttl, each named graph on its own",
        "(the outcome figures in graph/utfall against vocab/utfall/shapes.ttl).",
        "Prints violations; exits non-zero if any."})
final class ValidateCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions options;

  @Spec
  CommandSpec spec;

  /** What is checked: the named graphs of the store (or of a running service's release) and their union's size. */
  private record Checked(List<Node> names, java.util.function.Function<Node, Graph> graph, long distinctTriples) {}

  @Override
  public Integer call() throws Exception {
    AppConfig config = options.load(Optional.empty(), Optional.empty());
    // The same graph as serve, harvest and dump: opened (base IRI checked, vocabulary loaded) the same way.
    String base = new Iris(config.baseIri()).base();
    PromiseStore opened = null;
    try {
      opened = Loftesgrafen.openStore(config);
    } catch (StoreException e) {
      RunningServiceClient service = RunningServiceClient.of(config, e).orElseThrow(() -> e);
      return check(base, fromService(service));
    }
    try (PromiseStore store = opened) {
      long distinct = store.query(QueryFactory.create(
              "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } } }"),
          Duration.ofMinutes(10), exec -> ((Number) exec.select().next().get("n").getLiteralValue()).longValue());
      return check(base, new Checked(graphNames(store), store::graph, distinct));
    }
  }

  /**
   * Each named graph on its own, as the harvester checked it before storing: the shapes describe one source
   * snapshot. Two snapshots may say different things of one commitment (two pages restating it at different
   * offsets give it two lg:textStart) without either being wrong. The vocabulary graph is the validator's reference
   * data (register, theme concepts), not a snapshot.
   */
  private int check(String base, Checked checked) {
    PrintWriter out = spec.commandLine().getOut();
    ShapesValidator validator = ShapesValidator.create(base);
    String vocabulary = base + "graph/vocab";
    String outcomes = new se.loftesgrafen.outcomes.OutcomeIris(new Iris(java.net.URI.create(base))).graph().getURI();
    int graphs = 0;
    int violations = 0;
    int warnings = 0;
    for (Node name : checked.names()) {
      if (name.isURI() && name.getURI().equals(vocabulary)) {
        continue;
      }
      if (name.isURI() && name.getURI().equals(outcomes)) {
        // The outcome figures (issue 27) are statistics, not a snapshot: they have their own shapes.
        List<String> lines = se.loftesgrafen.outcomes.OutcomeShapes.violations(checked.graph().apply(name));
        lines.forEach(line -> out.println("<" + name + "> " + line));
        graphs++;
        violations += lines.size();
        continue;
      }
      ShapesValidator.Report report = validator.validate(checked.graph().apply(name));
      report.lines().forEach(line -> out.println("<" + name + "> " + line));
      graphs++;
      violations += report.violations().size();
      warnings += report.warnings().size();
    }
    out.printf("%d triples checked in %d graphs, %d violations, %d warnings%n", checked.distinctTriples(), graphs,
        violations, warnings);
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

  /** The running service holds the store: the named graphs of its current release (N-Quads). */
  private Checked fromService(RunningServiceClient service) throws Exception {
    var release = service.currentRelease();
    java.nio.file.Path file = java.nio.file.Files.createTempFile("loftesgrafen-", ".nq.gz");
    try {
      service.download(se.loftesgrafen.graph.dump.DumpWriter.NQUADS, file);
      DatasetGraph quads = DatasetGraphFactory.create();
      try (var in = new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(file))) {
        org.apache.jena.riot.RDFParser.source(in).lang(org.apache.jena.riot.Lang.NQUADS).parse(quads);
      }
      spec.commandLine().getOut().printf("the service at %s holds the store: checking its release %d%n",
          service.base(), release.get("version").asLong());
      List<Node> names = new ArrayList<>();
      quads.listGraphNodes().forEachRemaining(names::add);
      return new Checked(names, quads::getGraph, quads.getUnionGraph().size());
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
  }
}
