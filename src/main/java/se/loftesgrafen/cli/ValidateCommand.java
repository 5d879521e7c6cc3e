package se.loftesgrafen.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryFactory;
import se.loftesgrafen.Loftesgrafen;
import se.loftesgrafen.graph.Iris;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.StoreException;
import se.loftesgrafen.vocab.ShapesValidator;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Checks the stored graph against the SHACL shapes in vocab/shapes.ttl.",
        "Prints violations; exits non-zero if any."})
final class ValidateCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions options;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    AppConfig config = options.load(Optional.empty(), Optional.empty());
    Graph data = null;
    String base;
    // The same graph as serve, harvest and dump: opened (base IRI checked, vocabulary loaded) the same way.
    base = new Iris(config.baseIri()).base();
    PromiseStore opened = null;
    try {
      opened = Loftesgrafen.openStore(config);
    } catch (StoreException e) {
      RunningServiceClient service = RunningServiceClient.of(config, e).orElseThrow(() -> e);
      data = fromService(service);
    }
    if (opened != null) {
      try (PromiseStore store = opened) {
        data = store.query(QueryFactory.create("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"), Duration.ofMinutes(10),
            exec -> exec.construct());
      }
    }
    // Shapes and reference data (register, theme concepts) with relative IRIs resolved against the store's base.
    ShapesValidator validator = ShapesValidator.create(base);
    ShapesValidator.Report report = validator.validate(data);
    PrintWriter out = spec.commandLine().getOut();
    report.lines().forEach(out::println);
    out.printf("%d triples checked, %d violations, %d warnings%n", data.size(), report.violations().size(),
        report.warnings().size());
    out.flush();
    return report.conforms() ? 0 : 1;
  }

  /** The running service holds the store: the graph of its current release (N-Quads), every named graph in one. */
  private Graph fromService(RunningServiceClient service) throws Exception {
    var release = service.currentRelease();
    java.nio.file.Path file = java.nio.file.Files.createTempFile("loftesgrafen-", ".nq.gz");
    try {
      service.download(se.loftesgrafen.graph.DumpWriter.NQUADS, file);
      Graph union = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
      try (var in = new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(file))) {
        org.apache.jena.riot.RDFParser.source(in).lang(org.apache.jena.riot.Lang.NQUADS).parse(
            org.apache.jena.riot.system.StreamRDFLib.graph(union)); // quads into one graph: the union
      }
      spec.commandLine().getOut().printf("the service at %s holds the store: checking its release %d%n",
          service.base(), release.get("version").asLong());
      return union;
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
  }
}
