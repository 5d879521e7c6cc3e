package se.loftesgrafen.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.jena.query.ResultSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.extract.PromiseExtractor;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.Queries;
import se.loftesgrafen.harvest.ReextractSummary;
import se.loftesgrafen.harvest.Reextractor;
import se.loftesgrafen.vocab.ThemeLexiconLoader;

@Command(name = "reextract", mixinStandardHelpOptions = true,
    description = {"Runs the current extractor over the stored snapshots, read back from their",
        "WARC records; nothing is fetched. A graph whose extraction changed is replaced",
        "(the harvest's provenance kept, the new extractor version named); unchanged",
        "ones stay untouched. Prints what changed and what failed.",
        "Exits non-zero if nothing could be read back or a WARC file was unreadable."})
final class ReextractCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions options;

  @Option(names = "--dry-run", description = "show what would change without writing anything")
  boolean dryRun;

  @Option(names = "--warc", paramLabel = "DIR",
      description = "another folder of WARC files (archives harvested as sources); <store>/warc is always searched")
  List<Path> warcFolders = new ArrayList<>();

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    AppConfig config = options.load(Optional.empty(), Optional.empty());
    List<Path> folders = new ArrayList<>(List.of(config.harvest().warc()));
    folders.addAll(warcFolders);
    ReextractSummary summary;
    // The same graph as serve, harvest, dump and validate: opened (base IRI checked, vocabulary loaded) one way.
    try (PromiseStore store = se.loftesgrafen.Loftesgrafen.openStore(config)) {
      Iris iris = new Iris(config.baseIri());
      Reextractor reextractor = new Reextractor(PromiseExtractor.create(ThemeLexiconLoader.load()),
          PromiseExtractor.VERSION, store, iris, folders);
      summary = reextractor.run(dryRun);
    }
    PrintWriter out = spec.commandLine().getOut();
    print(out, summary);
    out.flush();
    return summary.succeeded() ? 0 : 1;
  }

  static void print(PrintWriter out, ReextractSummary s) {
    out.printf("run %s with extractor %s%s: %d snapshots, %d read, %d unchanged, %d %s, %d failed%n",
        s.runId(), s.extractorVersion(), s.dryRun() ? " (dry run, nothing written)" : "", s.snapshots(), s.read(),
        s.unchanged(), s.changed().size(), s.dryRun() ? "would change" : "changed", s.failed().size());
    if (!s.changed().isEmpty()) {
      out.println(s.dryRun() ? "would change:" : "changed:");
      for (ReextractSummary.Change c : s.changed()) {
        out.printf("  %s  commitments %d -> %d  (extractor %s -> %s)%n", c.url(), c.commitmentsBefore(),
            c.commitmentsAfter(), c.versionsBefore().isEmpty() ? "none" : String.join(", ", c.versionsBefore()),
            s.extractorVersion());
      }
    }
    if (!s.failed().isEmpty()) {
      out.println("failed (old graph kept):");
      s.failed().forEach(f -> out.printf("  %s  %s%n", f.url(), f.reason()));
    }
  }
}
