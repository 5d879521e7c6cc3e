package se.loftesgrafen.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.harvest.HarvestSummary;
import se.loftesgrafen.harvest.SourcesFile;

@Command(name = "harvest", mixinStandardHelpOptions = true,
    description = {"Runs one harvest now, prints a summary.", "Exits non-zero if nothing could be harvested."})
final class HarvestCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions options;

  @Option(names = "--sources", paramLabel = "FILE", description = "sources file (default: harvest.sources)")
  String sources;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    AppConfig config = options.load(Optional.empty(), Optional.ofNullable(sources));
    var list = SourcesFile.read(config.harvest().sources());
    try (PromiseStore store = PromiseStore.embedded(config.service().store())) {
      Iris iris = new Iris(config.baseIri());
      HarvestSummary summary = se.loftesgrafen.Loftesgrafen.harvester(store, iris).run(list);
      PrintWriter out = spec.commandLine().getOut();
      out.printf("harvest %s: %d stored, %d unchanged, %d failed%n", summary.runId(), summary.stored(),
          summary.unchanged(), summary.failed().size());
      summary.failed().forEach(f -> out.println("  failed: " + f));
      out.flush();
      return summary.harvestedAnything() ? 0 : 1;
    }
  }
}
