package se.loftesgrafen.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import se.loftesgrafen.Loftesgrafen;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.StoreException;
import se.loftesgrafen.outcomes.OutcomesLoader;

@Command(name = "outcomes", mixinStandardHelpOptions = true,
    description = "Outcome figures per municipality and year (Kolada), beside the promises.",
    subcommands = OutcomesCommand.Load.class)
final class OutcomesCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "load", mixinStandardHelpOptions = true,
      description = {"Loads the bundled Kolada figures as RDF Data Cube observations into the named graph",
          "graph/utfall (replacing it); does nothing when the store holds this copy already."})
  static final class Load implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      AppConfig config = options.load(Optional.empty(), Optional.empty());
      PromiseStore opened;
      try {
        opened = Loftesgrafen.openStore(config);
      } catch (StoreException e) {
        throw new UserError(e.getMessage() + " (a running service holds the store: stop it, then load)", 1);
      }
      try (PromiseStore store = opened) {
        OutcomesLoader.Loaded loaded = OutcomesLoader.load(store, new Iris(config.baseIri()));
        PrintWriter out = spec.commandLine().getOut();
        out.printf(loaded.written() ? "loaded %,d observations (copy sha256 %s)%n"
            : "the store holds this copy already: %,d observations (sha256 %s)%n", loaded.observations(),
            loaded.checksum());
        out.flush();
      }
      return 0;
    }
  }
}
