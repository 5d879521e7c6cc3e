package se.loftesgrafen.cli;

import java.io.PrintWriter;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
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
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.StoreException;
import se.loftesgrafen.graph.dump.DumpWriter;

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
    PromiseStore opened;
    try {
      opened = Loftesgrafen.openStore(config);
    } catch (StoreException e) {
      RunningServiceClient service = RunningServiceClient.of(config, e).orElseThrow(() -> e);
      return fromService(service, folder);
    }
    try (PromiseStore store = opened) {
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

  /** The running service holds the store: its current release (of the same graph), copied into {@code folder}. */
  private int fromService(RunningServiceClient service, Path folder) throws Exception {
    JsonNode release = service.currentRelease();
    Path target = folder.resolve("release-" + release.get("version").asLong());
    Files.createDirectories(target);
    PrintWriter o = spec.commandLine().getOut();
    for (JsonNode f : release.get("files")) {
      service.download(f.get("name").asText(), target.resolve(f.get("name").asText()));
    }
    Files.writeString(folder.resolve(DumpWriter.RELEASE), release.toPrettyString());
    o.printf("release %d of the service at %s (it holds the store) copied to %s%n", release.get("version").asLong(),
        service.base(), target);
    release.get("files").forEach(f -> o.printf("  %-22s %,12d bytes  sha256 %s%n", f.get("name").asText(),
        f.get("bytes").asLong(), f.get("sha256").asText()));
    o.flush();
    return 0;
  }
}
