package se.loftesgrafen.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import se.loftesgrafen.Loftesgrafen;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.StoreRebase;

@Command(name = "rebase", mixinStandardHelpOptions = true,
    description = {"Moves the store's data to another base IRI (default: the configured service.baseIri):",
        "every IRI under the base it was minted under is renamed, named graphs included."})
final class RebaseCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions options;

  @Option(names = "--to", paramLabel = "IRI", description = "the new base IRI (default: service.baseIri)")
  URI to;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    AppConfig config = options.load(Optional.empty(), Optional.empty());
    String target = new Iris(to != null ? to : config.baseIri()).base();
    PrintWriter out = spec.commandLine().getOut();
    try (PromiseStore store = config.service().remoteStore().map(PromiseStore::remote)
        .orElseGet(() -> PromiseStore.embedded(config.service().store()))) {
      Optional<String> from = Loftesgrafen.mintedBase(store);
      if (from.isEmpty() || from.get().equals(target)) {
        store.recordBaseIri(target);
        out.printf("store is already under base IRI %s: nothing to move%n", target);
        out.flush();
        return 0;
      }
      StoreRebase.Result result = StoreRebase.rebase(store, from.get(), target);
      out.printf("moved %d graphs (%d triples) from base IRI %s to %s%n", result.graphs(), result.triples(),
          from.get(), target);
    }
    // The vocabulary graph under the new base, as every command opens the store.
    AppConfig moved = to == null ? config : config.withBaseIri(to);
    Loftesgrafen.openStore(moved).close();
    out.flush();
    return 0;
  }
}
