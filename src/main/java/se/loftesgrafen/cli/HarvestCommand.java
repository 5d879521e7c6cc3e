package se.loftesgrafen.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
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
import se.loftesgrafen.harvest.HarvestProgress;
import se.loftesgrafen.harvest.HarvestSummary;
import se.loftesgrafen.harvest.Harvester;
import se.loftesgrafen.harvest.Source;
import se.loftesgrafen.harvest.SourcesFile;

@Command(name = "harvest", mixinStandardHelpOptions = true,
    description = {"Runs one harvest now: live progress on stderr, a summary table on stdout.",
        "Exits non-zero if nothing could be harvested."})
final class HarvestCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions options;

  @Option(names = "--sources", paramLabel = "FILE", description = "sources file (default: harvest.sources)")
  String sources;

  @Option(names = "--progress", paramLabel = "DURATION", defaultValue = "2000",
      description = "milliseconds between progress lines on stderr; 0 for none (default: ${DEFAULT-VALUE})")
  long progressMillis;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    AppConfig config = options.load(Optional.empty(), Optional.ofNullable(sources));
    List<Source> list = SourcesFile.read(config.harvest().sources());
    PromiseStore opened;
    try {
      opened = Loftesgrafen.openStore(config);
    } catch (StoreException e) {
      RunningServiceClient service = RunningServiceClient.of(config, e).orElseThrow(() -> e);
      return throughService(service, config);
    }
    try (PromiseStore store = opened) {
      Harvester harvester = Loftesgrafen.harvester(config, store, new Iris(config.baseIri()));
      if (config.cluster().enabled()) {
        return inFleet(config, harvester, list);
      }
      HarvestProgress progress = new HarvestProgress(Harvester.newRunId());
      Thread ticker = progressMillis > 0 ? Thread.ofVirtual().start(() -> tick(() -> Optional.of(progress.summary())))
          : null;
      HarvestSummary summary;
      try {
        summary = harvester.run(list, progress);
      } finally {
        if (ticker != null) {
          ticker.interrupt();
          ticker.join();
        }
      }
      return report(summary);
    }
  }

  /**
   * In a fleet (cluster.database) the run takes the fleet's lease like a replica's run: it runs unless one is going
   * on a replica, reports to /harvest/status, and uses the fleet's harvest state.
   */
  private int inFleet(AppConfig config, Harvester local, List<Source> list) throws Exception {
    try (se.loftesgrafen.cluster.ClusterDatabase db = se.loftesgrafen.cluster.ClusterDatabase.open(config.cluster());
         se.loftesgrafen.harvest.HarvestRunner runner = new se.loftesgrafen.harvest.HarvestRunner(
             se.loftesgrafen.cluster.FleetHarvests.shared(local, db, config.cluster()), () -> list)) {
      se.loftesgrafen.cluster.FleetHarvests fleet = new se.loftesgrafen.cluster.FleetHarvests(runner, db,
          config.cluster());
      Thread ticker = progressMillis > 0 ? Thread.ofVirtual().start(() -> tick(runner::current)) : null;
      Optional<HarvestSummary> summary;
      try {
        summary = fleet.runNow(() -> list);
      } finally {
        fleet.close();
        if (ticker != null) {
          ticker.interrupt();
          ticker.join();
        }
      }
      return report(summary.orElseThrow(() -> new UserError("a harvest is already going in the fleet ("
          + fleet.going().orElse("just ended") + "): see /harvest/status", 1)));
    }
  }

  private int report(HarvestSummary summary) {
    PrintWriter out = spec.commandLine().getOut();
    table(out, summary);
    out.flush();
    if (summary.stopped().isPresent()) {
      spec.commandLine().getErr().println("harvest " + summary.runId() + " stopped: " + summary.stopped().get());
      spec.commandLine().getErr().flush();
      return 1;
    }
    return summary.harvestedAnything() ? 0 : 1;
  }

  /** The running service holds the store: it runs the harvest of its configured sources, and says how it went. */
  private int throughService(RunningServiceClient service, AppConfig config) throws Exception {
    if (sources != null) {
      throw new UserError("the store is held by the service at " + service.base() + ", which harvests its own"
          + " configured sources: --sources cannot be used through it", 2);
    }
    com.fasterxml.jackson.databind.JsonNode run = service.harvest(config.service().adminToken());
    PrintWriter out = spec.commandLine().getOut();
    out.printf("harvest %s by the service at %s: %d stored, %d unchanged, %d not modified, %d disallowed,"
        + " %d problems%n", run.get("runId").asText(), service.base(), run.get("stored").asInt(),
        run.get("unchanged").asInt(), run.get("notModified").asInt(), run.get("disallowed").asInt(),
        run.get("problems").size());
    run.get("problems").forEach(p -> out.println("  " + p.asText()));
    out.flush();
    return run.get("stored").asInt() + run.get("unchanged").asInt() > 0 ? 0 : 1; // as HarvestSummary.harvestedAnything
  }

  private void tick(java.util.function.Supplier<Optional<HarvestSummary>> progress) {
    PrintWriter err = spec.commandLine().getErr();
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Thread.sleep(Duration.ofMillis(progressMillis));
        progress.get().ifPresent(s -> err.println(line(s)));
        err.flush();
      }
    } catch (InterruptedException e) {
      // the run ended
    }
  }

  static String line(HarvestSummary s) {
    StringBuilder b = new StringBuilder(String.format("harvest %s: %d fetched, %d queued, %d not modified, %d stored,"
        + " %d failed", s.runId(), s.fetched(), s.queued(), s.notModified(), s.stored(), s.problems()));
    List<HarvestSummary.HostCounts> busy = s.hosts().stream().filter(h -> h.queued() > 0)
        .sorted(Comparator.comparingInt(HarvestSummary.HostCounts::queued).reversed()).limit(5).toList();
    if (!busy.isEmpty()) {
      b.append(" | busiest:");
      busy.forEach(h -> b.append(' ').append(h.host()).append(" (").append(h.requests()).append(" done, ")
          .append(h.queued()).append(" queued)"));
    }
    return b.toString();
  }

  static void table(PrintWriter out, HarvestSummary s) {
    out.printf("harvest %s: %d stored, %d unchanged, %d not modified, %d disallowed, %d problems%n", s.runId(),
        s.stored(), s.unchanged(), s.notModified(), s.disallowed(), s.problems());
    String row = "%-44s %8s %8s %6s %6s %9s %6s %8s %10s %6s%n";
    out.printf(row, "host", "requests", "fetched", "304", "stored", "unchanged", "redir", "retries", "disallowed",
        "failed");
    for (HarvestSummary.HostCounts h : s.hosts()) {
      out.printf(row, h.host(), h.requests(), h.fetched(), h.notModified(), h.stored(), h.unchanged(), h.redirects(),
          h.retries(), h.disallowed(), h.failed());
    }
    s.failed().forEach(line -> out.println("  " + line));
  }
}
