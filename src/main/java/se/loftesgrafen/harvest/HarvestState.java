package se.loftesgrafen.harvest;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the harvester remembers between runs per URL, beside the graph: the validators for a conditional GET,
 * the content hash last seen, whether the page stated a promise, and the links it had (a 304 has no body to read
 * them from). An entry is written after its page is committed to the store. One process keeps it in a file in its
 * store folder ({@link #open}); a fleet of replicas in its database, where every replica sees what another
 * harvested. Losing it only costs full GETs: the content hash in the graph still decides whether a page changed.
 */
public interface HarvestState extends AutoCloseable {

  /** One URL's memory. */
  record Entry(String url, Optional<String> etag, Optional<String> lastModified, String sha256, boolean promise,
               List<String> pages, List<String> pdfs) {
    public Entry {
      Objects.requireNonNull(url, "url");
      etag = etag == null ? Optional.empty() : etag;
      lastModified = lastModified == null ? Optional.empty() : lastModified;
      Objects.requireNonNull(sha256, "sha256");
      pages = pages == null ? List.of() : List.copyOf(pages);
      pdfs = pdfs == null ? List.of() : List.copyOf(pdfs);
    }

    FetchResult.Validators validators() {
      return new FetchResult.Validators(etag, lastModified);
    }
  }

  /** Opens the state of one process: {@code harvest-state.jsonl}, compacted on opening. */
  static HarvestState open(Path file) {
    return HarvestStateFile.open(file);
  }

  Optional<Entry> get(String url);

  /** Remembers an entry; a failure to write is logged, not thrown (it only costs a full GET next time). */
  void put(Entry entry);

  @Override
  void close();
}
