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
    subcommands = {OutcomesCommand.Load.class, OutcomesCommand.Refresh.class})
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

  @Command(name = "refresh", mixinStandardHelpOptions = true,
      description = {"Asks Kolada's open API again for every measure and year of the bundled copy (all pages) and",
          "writes the changed values into graph/utfall; when any answer fails, nothing is written (exit 1)."})
  static final class Refresh implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @picocli.CommandLine.Option(names = "--api", paramLabel = "URL",
        description = "API root (default: the bundled copy's, https://api.kolada.se/v2/)")
    java.net.URI api;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      AppConfig config = options.load(Optional.empty(), Optional.empty());
      se.loftesgrafen.outcomes.OutcomeData bundled = se.loftesgrafen.outcomes.OutcomeData.bundled();
      java.net.URI root = api != null ? api : java.net.URI.create(bundled.source().api());
      PromiseStore opened;
      try {
        opened = Loftesgrafen.openStore(config);
      } catch (StoreException e) {
        throw new UserError(e.getMessage() + " (a running service holds the store: stop it, then refresh)", 1);
      }
      try (PromiseStore store = opened) {
        se.loftesgrafen.outcomes.KoladaClient client = new se.loftesgrafen.outcomes.KoladaClient(
            java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NORMAL)
                .connectTimeout(config.harvest().fetch().connectTimeout()).build(), root, config.harvest().userAgent());
        se.loftesgrafen.outcomes.OutcomesRefresh.Result r = new se.loftesgrafen.outcomes.OutcomesRefresh(client)
            .refresh(store, new Iris(config.baseIri()), bundled, java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        PrintWriter out = spec.commandLine().getOut();
        r.failures().forEach(f -> out.printf("failed: %s %s: %s%n", f.kpi(), f.url(), f.reason()));
        out.printf("%,d values fetched, %,d new or changed, %s%n", r.fetched(), r.changed(),
            r.loaded().map(l -> l.written() ? "graph/utfall written" : "the store held these values already")
                .orElse("nothing written"));
        out.flush();
        return r.failures().isEmpty() ? 0 : 1;
      }
    }
  }
}
