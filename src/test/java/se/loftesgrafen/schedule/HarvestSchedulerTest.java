package se.loftesgrafen.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.loftesgrafen.Loftesgrafen;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.config.ConfigLoader;
import se.loftesgrafen.config.ConfigOverrides;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.harvest.HarvestRunner;
import se.loftesgrafen.harvest.SourcesFile;

/** Quartz fires the harvest job on its cron; the job asks the runner, which runs the bundled sample. */
class HarvestSchedulerTest {
  @TempDir
  Path dir;

  @Test
  void theScheduleRunsTheConfiguredHarvest() throws Exception {
    AppConfig config = ConfigLoader.load(Path.of("harvest-config"), new ConfigOverrides(Optional.empty(),
        Optional.of(dir.toString()), Optional.empty(), java.util.Map.of()));
    try (PromiseStore store = PromiseStore.embedded(dir);
         HarvestRunner runner = new HarvestRunner(Loftesgrafen.harvester(config, store, new Iris(config.baseIri())),
             () -> SourcesFile.read(config.harvest().sampleSources()));
         HarvestScheduler ignored = HarvestScheduler.start(runner, "* * * * * ?")) {
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (runner.last().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertTrue(runner.last().isPresent(), "a scheduled run happened");
      assertTrue(runner.last().get().harvestedAnything(), runner.last().get().toString());
      assertEquals(List.of("* * * * * ?"), runner.schedules("* * * * * ?"));
    }
  }

  @Test
  void aFiringThatMeetsARunGoingRunsAfterItOnce() throws Exception {
    AppConfig config = ConfigLoader.load(Path.of("harvest-config"), new ConfigOverrides(Optional.empty(),
        Optional.of(dir.toString()), Optional.empty(), java.util.Map.of()));
    try (PromiseStore store = PromiseStore.embedded(dir);
         HarvestRunner runner = new HarvestRunner(Loftesgrafen.harvester(config, store, new Iris(config.baseIri())),
             () -> SourcesFile.read(config.harvest().sampleSources()))) {
      String going = runner.start().orElseThrow(); // asked for on the admin endpoint, say
      new LocalHarvests(runner, "local").fire(Optional.empty(), "0 0 3 * * ?", "0 0 3 * * ?", false);
      assertEquals(2, runner.finishedRuns(), "the run going, then the firing's own");
      assertTrue(!runner.last().orElseThrow().runId().equals(going), "the last run is the firing's");
    }
  }

  @Test
  void sourcesWithAScheduleOfTheirOwnGetTheirOwnJob() {
    HarvestRunner runner = new HarvestRunner(null, () -> List.of(
        new se.loftesgrafen.harvest.Source(URI.create("https://a.se/"), List.of(), true, Optional.empty(),
            Optional.of("0 0 4 ? * SUN")),
        new se.loftesgrafen.harvest.Source(URI.create("https://b.se/"), List.of(), true, Optional.empty(),
            Optional.empty())));
    assertEquals(List.of("0 0 4 ? * SUN", "0 0 3 * * ?"), runner.schedules("0 0 3 * * ?"));
  }
}
