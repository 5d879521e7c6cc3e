package se.loftesgrafen.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import se.loftesgrafen.Loftesgrafen;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.graph.DumpWriter;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;

@Command(name = "dump", mixinStandardHelpOptions = true,
    description = {"Writes a release of the dumps (N-Quads gzip, JSON-LD, commitments CSV, release.json)",
        "of the stored graph; serve publishes the same files at /dumps/."})
public final class DumpCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions options;

  @Option(names = "--out", paramLabel = "DIR", description = "folder of the release (default: <store>/dumps)")
  Path out;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    AppConfig config = options.load(Optional.empty(), Optional.empty());
    Path folder = out != null ? out : config.service().store().resolve("dumps");
    try (PromiseStore store = Loftesgrafen.openStore(config)) {
      DumpWriter writer = new DumpWriter(store, new Iris(config.baseIri()), folder);
      PrintWriter o = spec.commandLine().getOut();
      var current = writer.current().filter(r -> r.version() == store.version()
          && java.nio.file.Files.isDirectory(writer.filesOf(r)));
      if (current.isPresent()) {
        // A release changes only with the data: the one there is the release of this data.
        o.printf("release %d in %s is of the current data: nothing to write%n", current.get().version(),
            writer.filesOf(current.get()));
        o.flush();
        return 0;
      }
      DumpWriter.Release release = writer.write();
      o.printf("release %d written to %s%n", release.version(), writer.filesOf(release));
      release.files().forEach(f -> o.printf("  %-22s %,12d bytes  sha256 %s%n", f.name(), f.bytes(), f.sha256()));
      release.counts().forEach((k, v) -> o.printf("  %-22s %,12d%n", k, v));
      o.flush();
    }
    return 0;
  }
}
