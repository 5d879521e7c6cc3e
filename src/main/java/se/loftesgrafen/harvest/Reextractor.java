package se.loftesgrafen.harvest;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.loftesgrafen.extract.PromiseExtractor;
import se.loftesgrafen.extract.SourceDocument;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseMapper;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.Reextraction;
import se.loftesgrafen.vocab.ShapesValidator;

/**
 * Runs the current extractor over the stored snapshots without fetching anything: each page's latest snapshot is
 * read back from the WARC record its provenance names, checked against its content hash, extracted and compared
 * with the stored graph ({@link Reextraction}). A page whose extraction says the same is left untouched; a changed
 * one gets its named graph replaced in one transaction, with the harvest's provenance kept and the new extractor
 * version named. Every new graph must pass the SHACL shapes, as harvested ones do. A page that cannot be read back
 * (no WARC reference, file or record missing, bytes that do not match the hash), that cannot be extracted, or whose
 * new graph breaks the shapes keeps its old graph and is named in the summary. Snapshots that replaced one another
 * earlier stay as history.
 */
public final class Reextractor {
  private static final Logger LOG = LoggerFactory.getLogger("harvest");
  private final se.loftesgrafen.extract.followup.FollowUpExtractor extractor;
  private final PromiseStore store;
  private final String extractorVersion;
  private final Reextraction graphs;
  private final WarcPayloads warcs;

  /**
   * @param extractorVersion the version {@code extractor} records ({@link PromiseExtractor#VERSION})
   * @param warcFolders      where WARC files named in provenance are looked for, in order: the store's {@code warc/}
   *                         and the folders of WARC archives that were harvested as sources
   */
  public Reextractor(PromiseExtractor extractor, String extractorVersion, PromiseStore store, Iris iris,
                     List<Path> warcFolders) {
    this.extractor = se.loftesgrafen.extract.followup.FollowUpExtractor.create(extractor);
    this.store = store;
    this.extractorVersion = extractorVersion;
    ShapesValidator shapes = ShapesValidator.create(iris.base());
    this.graphs = new Reextraction(store, new PromiseMapper(iris, extractorVersion), iris, extractorVersion,
        graph -> shapes.validate(graph).violations().stream().map(ShapesValidator.Result::line).toList());
    this.warcs = new WarcPayloads(warcFolders);
  }

  /** Re-extracts every current snapshot; with {@code dryRun} nothing is written, the summary says what would be. */
  public ReextractSummary run(boolean dryRun) {
    Run run = new Run("reextract-" + Harvester.newRunId(), Instant.now().truncatedTo(ChronoUnit.MILLIS), dryRun);
    LOG.info("run {}: re-extracting the stored snapshots with extractor {}{}", run.id, extractorVersion,
        dryRun ? " (dry run)" : "");
    List<Reextraction.Stored> stored = graphs.stored();
    Map<String, List<Reextraction.Stored>> byFile = new LinkedHashMap<>();
    for (Reextraction.Stored s : stored) {
      if (s.warcFile().isEmpty() || s.warcRecordId().isEmpty()) {
        run.fail(s, "no WARC record in its provenance (read from a local file?): cannot be read back");
      } else {
        byFile.computeIfAbsent(s.warcFile().get(), f -> new ArrayList<>()).add(s);
      }
    }
    byFile.forEach((file, snapshots) -> readFile(run, file, snapshots));
    if (!dryRun) {
      int linked = new se.loftesgrafen.graph.FollowUpLinker(store).link();
      LOG.info("run {}: linked {} follow-up items to the commitments they follow up", run.id, linked);
    }
    ReextractSummary summary = new ReextractSummary(run.id, extractorVersion, dryRun, run.started, stored.size(),
        run.read, run.unchanged, run.changed, run.failed, run.ioFailure);
    LOG.info("run {}: {} snapshots, {} read, {} unchanged, {} changed, {} failed", run.id, summary.snapshots(),
        summary.read(), summary.unchanged(), summary.changed().size(), summary.failed().size());
    return summary;
  }

  private void readFile(Run run, String file, List<Reextraction.Stored> snapshots) {
    Optional<Path> path = warcs.locate(file);
    if (path.isEmpty()) {
      snapshots.forEach(s -> run.fail(s, "WARC file " + file + " not found in " + warcs.folders()));
      return;
    }
    Map<String, Reextraction.Stored> byRecord = new LinkedHashMap<>();
    snapshots.forEach(s -> byRecord.put(s.warcRecordId().orElseThrow(), s));
    Set<String> handled = new HashSet<>();
    try {
      warcs.read(path.get(), byRecord.keySet(), (id, payload) -> {
        handled.add(id);
        page(run, byRecord.get(id), payload);
      });
    } catch (IOException e) {
      run.ioFailure = true;
      LOG.warn("run {}: {}", run.id, e.getMessage());
      byRecord.forEach((id, s) -> {
        if (!handled.contains(id)) {
          run.fail(s, e.getMessage());
        }
      });
      return;
    }
    byRecord.forEach((id, s) -> {
      if (!handled.contains(id)) {
        run.fail(s, "WARC record " + id + " not found in " + path.get());
      }
    });
  }

  private void page(Run run, Reextraction.Stored s, WarcPayloads.Payload payload) {
    if (!Iris.sha256Hex(payload.body()).equals(s.sha256())) {
      run.fail(s, "WARC record " + s.warcRecordId().orElseThrow() + " in " + s.warcFile().orElseThrow()
          + " does not hold the snapshot's bytes (SHA-256 differs)");
      return;
    }
    run.read++;
    se.loftesgrafen.extract.followup.PageReading promise;
    try {
      String type = s.contentType().or(payload::contentType).orElse(PageRecorder.contentType(URI.create(s.url())));
      promise = extractor.read(new SourceDocument(s.url(), URI.create(s.url()), payload.body(), Optional.of(type)));
    } catch (IOException | RuntimeException e) {
      run.fail(s, "extraction failed: " + e.getMessage());
      return;
    }
    Graph stored = graphs.graph(s);
    switch (graphs.compare(s, stored, promise, run.id, run.started)) {
      case Reextraction.Outcome.Unchanged u -> run.unchanged++;
      case Reextraction.Outcome.Invalid invalid -> run.fail(s, "the new extraction breaks the shapes, old graph kept: "
          + invalid.problems().get(0) + (invalid.problems().size() > 1
          ? " (and " + (invalid.problems().size() - 1) + " more)" : ""));
      case Reextraction.Outcome.Changed c -> {
        if (!run.dryRun) {
          graphs.replace(s, c.graph());
        }
        run.changed.add(new ReextractSummary.Change(s.url(), s.snapshot(), c.commitmentsBefore(),
            c.commitmentsAfter(), c.versionsBefore()));
        LOG.info("run {}: {} {}: {} -> {} commitments", run.id, run.dryRun ? "would replace" : "replaced",
            s.snapshot(), c.commitmentsBefore(), c.commitmentsAfter());
      }
    }
  }

  /** The counts of one run as it goes. */
  private static final class Run {
    final String id;
    final Instant started;
    final boolean dryRun;
    int read;
    int unchanged;
    boolean ioFailure;
    final List<ReextractSummary.Change> changed = new ArrayList<>();
    final List<ReextractSummary.Failure> failed = new ArrayList<>();

    Run(String id, Instant started, boolean dryRun) {
      this.id = id;
      this.started = started;
      this.dryRun = dryRun;
    }

    void fail(Reextraction.Stored s, String reason) {
      LOG.warn("run {}: {}: {}", id, s.url(), reason);
      failed.add(new ReextractSummary.Failure(s.url(), reason));
    }
  }
}
