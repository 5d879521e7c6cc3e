package se.loftesgrafen.harvest;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.loftesgrafen.extract.PromiseExtractor;
import se.loftesgrafen.extract.SourceDocument;
import se.loftesgrafen.extract.followup.FollowUpExtractor;
import se.loftesgrafen.extract.followup.PageReading;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.SnapshotInfo;
import se.loftesgrafen.graph.SnapshotRecorder;

/**
 * What happens to a page's bytes: the content hash decides whether anything changed (unchanged content is not
 * extracted again); changed content is extracted and stored as a new snapshot when the page states a promise or
 * gives a follow-up report on one, was named in the sources, or already has a snapshot; then the harvest state
 * remembers the page.
 */
final class PageRecorder {
  private static final Logger LOG = LoggerFactory.getLogger("harvest");
  private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
  private final FollowUpExtractor extractor;
  private final SnapshotRecorder snapshots;
  private final HarvestState state;
  private final HarvestProgress progress;
  private final String runId;
  private final CpuWork cpu;

  /** One page as read: from HTTP, a local file or an archive. */
  record Page(String url, URI location, String host, byte[] body, Optional<String> contentType, int status,
              Instant fetchedAt, Optional<FetchResult.WarcRef> warc, FetchResult.Validators validators,
              boolean explicit) {
  }

  PageRecorder(PromiseExtractor extractor, SnapshotRecorder snapshots, HarvestState state, HarvestProgress progress,
               String runId, CpuWork cpu) {
    this.cpu = cpu;
    this.extractor = FollowUpExtractor.create(extractor);
    this.snapshots = snapshots;
    this.state = state;
    this.progress = progress;
    this.runId = runId;
  }

  /** A page fetched over HTTP, with the links found on it (remembered for a later 304); true if a promise. */
  boolean record(Task task, FetchResult.Fetched f, LinkFinder.Links links) {
    return record(new Page(f.finalUrl().toString(), f.finalUrl(), Crawl.hostKey(f.finalUrl()), f.body(),
        f.contentType(), f.status(), f.fetchedAt(), f.warc(), f.validators(), task.explicit()), links);
  }

  /** @return whether the page states a promise */
  boolean record(Page page, LinkFinder.Links links) {
    String sha = Iris.sha256Hex(page.body());
    Optional<SnapshotRecorder.Current> current = snapshots.current(page.url());
    Optional<HarvestState.Entry> known = state.get(page.url());
    boolean promise;
    if (current.isPresent() && current.get().sha256().equals(sha)) {
      if (current.get().gone()) {
        snapshots.markPresent(page.url());
      }
      promise = known.map(HarvestState.Entry::promise).orElse(true);
      progress.unchanged(page.host());
    } else if (current.isEmpty() && !page.explicit()
        && known.filter(k -> k.sha256().equals(sha) && !k.promise()).isPresent()) {
      promise = false; // seen before, states no promise, nothing stored: nothing to do
    } else {
      Optional<PageReading> extracted = extract(page);
      if (extracted.isEmpty()) {
        return false;
      }
      promise = extracted.get().statesAnything();
      if (promise || page.explicit() || current.isPresent()) {
        SnapshotInfo info = new SnapshotInfo(page.url(), page.fetchedAt(), page.status(),
            page.contentType().orElse(contentType(page.location())), sha,
            page.warc().map(FetchResult.WarcRef::recordId), page.warc().map(FetchResult.WarcRef::file), runId,
            Optional.empty());
        SnapshotRecorder.Recorded recorded = snapshots.record(info, extracted.get(), current);
        if (recorded.problems().isEmpty()) {
          progress.stored(page.host());
          LOG.info("run {}: stored {} as {} ({} commitments{})", runId, page.url(), recorded.snapshot(),
              extracted.get().promise().commitments().size(), extracted.get().followUp()
                  .map(r -> ", a follow-up report of " + r.items().size() + " items").orElse(""));
        } else {
          progress.failed(page.host(), page.url() + ": extraction breaks the shapes, kept its provenance only: "
              + recorded.problems().get(0) + (recorded.problems().size() > 1
              ? " (and " + (recorded.problems().size() - 1) + " more)" : ""));
          LOG.warn("run {}: {} breaks the shapes: {}", runId, page.url(), recorded.problems());
        }
      }
    }
    state.put(new HarvestState.Entry(page.url(), page.validators().etag(), page.validators().lastModified(), sha,
        promise, links.pages().stream().map(URI::toString).toList(), links.pdfs().stream().map(URI::toString).toList()));
    return promise;
  }

  private Optional<PageReading> extract(Page page) {
    try {
      // Checked again once a CPU slot is free: pages wait for one by the hundred when extraction lags the fetches,
      // and once the run has stopped (its files cannot be written) none of them is worth extracting.
      return cpu.call(() -> progress.isStopped() ? Optional.<PageReading>empty()
          : Optional.of(extractor.read(new SourceDocument(page.url(), page.location(), page.body(),
              Optional.of(page.contentType().orElse(contentType(page.location())))))));
    } catch (RuntimeException e) {
      LOG.warn("run {}: extraction of {} failed", runId, page.url(), e);
      progress.failed(page.host(), page.url() + ": extraction failed: "
          + (e instanceof java.io.UncheckedIOException ? e.getMessage() : e.toString()));
      return Optional.empty();
    }
  }

  /** A 304: the page is as stored. */
  void unchanged(String url) {
    Optional<SnapshotRecorder.Current> current = snapshots.current(url);
    if (current.isPresent()) {
      if (current.get().gone()) {
        snapshots.markPresent(url);
      }
      progress.unchanged(Crawl.hostKey(URI.create(url)));
    }
  }

  /** A 404 or 410: the latest snapshot is marked gone with today's date (Swedish time), nothing is deleted. */
  boolean gone(String url) {
    return snapshots.markGone(url, LocalDate.now(SWEDEN));
  }

  /** The validators remembered for a page, only when its snapshot is in the store (else a 304 would hide it). */
  FetchResult.Validators validatorsIfStored(HarvestState.Entry entry) {
    boolean stored = snapshots.current(entry.url()).filter(c -> c.sha256().equals(entry.sha256())).isPresent();
    return stored || !entry.promise() ? entry.validators() : FetchResult.Validators.NONE;
  }

  static String contentType(URI location) {
    String name = location.getPath() == null ? "" : location.getPath().toLowerCase();
    if (name.endsWith(".pdf")) {
      return "application/pdf";
    }
    return name.endsWith(".txt") ? "text/plain" : "text/html";
  }
}
