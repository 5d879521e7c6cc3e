package se.loftesgrafen.harvest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import se.loftesgrafen.vocab.ShapesValidator;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.extract.PromiseExtractor;
import se.loftesgrafen.graph.GroupCommitWriter;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseMapper;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.SnapshotRecorder;
import se.loftesgrafen.graph.StoreException;

/**
 * One harvest run over a list of sources: local files and WARC archives first, then every http(s) source through
 * the polite {@link Crawl}. Evidence goes to {@code harvest.warc} ({@code <store>/warc/}), what the harvester
 * remembers between runs to {@code <store>/harvest-state.jsonl} (a fleet's database), pages to the store through {@link SnapshotRecorder}. A run that is
 * interrupted stops its hosts and returns what it did; everything committed before stays.
 */
public final class Harvester {
  private static final Logger LOG = LoggerFactory.getLogger("harvest");
  private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);
  private final PromiseExtractor extractor;
  private final PromiseStore store;
  private final Iris iris;
  private final AppConfig.HarvestConfig config;
  private final Path storeFolder;
  private final ShapesValidator shapes;
  private final java.util.function.Supplier<HarvestState> state;
  private final Optional<String> replica;

  public Harvester(PromiseExtractor extractor, PromiseStore store, Iris iris, AppConfig.HarvestConfig config,
                   Path storeFolder) {
    this(extractor, store, iris, config, storeFolder, ShapesValidator.create(iris.base()),
        () -> HarvestState.open(storeFolder.resolve("harvest-state.jsonl")), Optional.empty());
  }

  private Harvester(PromiseExtractor extractor, PromiseStore store, Iris iris, AppConfig.HarvestConfig config,
                    Path storeFolder, ShapesValidator shapes, java.util.function.Supplier<HarvestState> state,
                    Optional<String> replica) {
    this.extractor = extractor;
    this.store = store;
    this.iris = iris;
    this.config = config;
    this.storeFolder = storeFolder;
    this.shapes = shapes;
    this.state = state;
    this.replica = replica;
  }

  /**
   * The same harvester as one replica of a fleet: its harvest state opened from where every replica sees it, its
   * WARC files named for the replica too (a run handed over from a killed replica goes on in files of its own, never
   * appending to a file cut short).
   */
  public Harvester asReplica(String name, java.util.function.Supplier<HarvestState> sharedState) {
    return new Harvester(extractor, store, iris, config, storeFolder, shapes, sharedState, Optional.of(name));
  }

  /** The SHACL violations of one page's graph: every graph the harvester stores must pass the shapes. */
  private List<String> violations(org.apache.jena.graph.Graph graph) {
    return shapes.validate(graph).violations().stream().map(ShapesValidator.Result::line).toList();
  }

  /** A new run id: the UTC start second and four random hex digits (two runs in one second stay apart). */
  public static String newRunId() {
    return RUN_ID.format(Instant.now()) + "-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
  }

  /** A re-extraction of the stored snapshots with this harvester's extractor, reading the store's WARC files. */
  public Reextractor reextractor() {
    return new Reextractor(extractor, PromiseExtractor.VERSION, store, iris, List.of(config.warc()));
  }

  /** Links follow-up items to the stored commitments they follow up (FollowUpLinker); a failure loses no page. */
  private void linkFollowUps(String runId) {
    try {
      int linked = new se.loftesgrafen.graph.FollowUpLinker(store).link();
      if (linked > 0) {
        LOG.info("run {}: linked {} follow-up items to the commitments they follow up", runId, linked);
      }
    } catch (RuntimeException e) {
      LOG.warn("run {}: linking follow-up items failed; the reports stay stored unlinked", runId, e);
    }
  }

  public HarvestSummary run(List<Source> sources) {
    return run(sources, new HarvestProgress(newRunId()));
  }

  /** Runs to the end (or until the calling thread is interrupted); {@code progress} can be read meanwhile. */
  public HarvestSummary run(List<Source> sources, HarvestProgress progress) {
    String runId = progress.runId();
    LOG.info("run {}: harvesting {} sources", runId, sources.size());
    try (CpuWork cpu = new CpuWork(config.extractionTimeout());
         GroupCommitWriter writer = new GroupCommitWriter(store);
         HarvestState state = this.state.get();
         WarcRecorder warc = new WarcRecorder(config.warc(), replica.map(r -> runId + "-" + r).orElse(runId),
             WarcRecorder.MAX_FILE_BYTES);
         HttpFetcher fetcher = new HttpFetcher(config.fetch(), config.userAgent(), Optional.of(warc))) {
      SnapshotRecorder snapshots = new SnapshotRecorder(store, writer::replaceGraphs,
          new PromiseMapper(iris, PromiseExtractor.VERSION), iris, this::violations);
      PageRecorder pages = new PageRecorder(extractor, snapshots, state, progress, runId, cpu);
      ArchiveReader archives = new ArchiveReader(pages, progress, config.fetch().maxBodyBytes());
      for (Source source : sources) {
        if (source.kind() != Source.Kind.HTTP && !Thread.currentThread().isInterrupted() && !progress.isStopped()) {
          try {
            archives.read(source);
          } catch (StoreException e) {
            progress.stop(WriteFailure.store(storeFolder, e) + "; what was committed before stays");
          }
        }
      }
      if (!progress.isStopped()) {
        Crawl crawl = new Crawl(runId, config, fetcher, pages, state, progress, storeFolder);
        sources.stream().filter(s -> s.kind() == Source.Kind.HTTP)
            .forEach(s -> crawl.submit(Task.source(s.location(), s.discover())));
        crawl.await();
      }
    } catch (InterruptedException e) {
      LOG.warn("run {}: interrupted; what was stored stays", runId);
      Thread.currentThread().interrupt();
    } catch (IOException | java.io.UncheckedIOException e) {
      progress.stop(WriteFailure.harvestFiles(storeFolder, e));
    } finally {
      linkFollowUps(runId);
      progress.finish();
    }
    HarvestSummary summary = progress.summary();
    LOG.info("run {}: {} stored, {} unchanged, {} not modified, {} disallowed, {} problems{}", runId,
        summary.stored(), summary.unchanged(), summary.notModified(), summary.disallowed(), summary.problems(),
        summary.stopped().map(r -> "; stopped: " + r).orElse(""));
    return summary;
  }
}
