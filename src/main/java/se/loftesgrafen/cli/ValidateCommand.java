package se.loftesgrafen.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.graph.GraphFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.graph.PromiseStore;

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
    Graph shapesGraph = GraphFactory.createDefaultGraph();
    try (InputStream in = ValidateCommand.class.getResourceAsStream("/vocab/shapes.ttl")) {
      if (in == null) {
        throw new UserError("no vocab/shapes.ttl in this build", 2);
      }
      RDFParser.source(in).lang(Lang.TURTLE).parse(shapesGraph);
    }
    Graph data;
    try (PromiseStore store = PromiseStore.embedded(config.service().store())) {
      data = store.query(QueryFactory.create("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"), Duration.ofMinutes(10),
          exec -> exec.construct());
    }
    ValidationReport report = ShaclValidator.get().validate(Shapes.parse(shapesGraph), data);
    PrintWriter out = spec.commandLine().getOut();
    report.getEntries().forEach(e -> out.println(e.focusNode() + " " + e.resultPath() + ": " + e.message()));
    out.printf("%d triples checked, %d violations%n", data.size(), report.getEntries().size());
    out.flush();
    return report.conforms() ? 0 : 1;
  }
}
