package se.loftesgrafen.search;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.compare.Comparison;

/**
 * Full-text index of commitments (their text and their promise's title), in memory, rebuilt from the store on a
 * worker thread of its own whenever {@link PromiseStore#version()} changes. A search waits for the index of the
 * version it saw, so an answer never lags behind a write that finished before the request.
 */
public final class SearchIndex implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("search");
  /**
   * Lucene says through java.util.logging, at every start, that the incubating Vector API is not enabled. Our
   * index is small (one document per commitment) and does no vector search, so that advice is noise: it is kept
   * for errors only. Held here so the level is not lost with a collected logger.
   */
  private static final java.util.logging.Logger LUCENE_VECTORIZATION =
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

  static {
    LUCENE_VECTORIZATION.setLevel(java.util.logging.Level.SEVERE);
  }
  private final PromiseStore store;
  private final SearchDocuments documents;
  private final Analyzer analyzer;
  private final ExecutorService builder = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "search-index");
    t.setDaemon(true);
    return t;
  });
  private volatile Indexed current;
  private CompletableFuture<Indexed> pending;
  /** The data version the running build started at; -1 when none runs. */
  private volatile long building = -1;
  private CompletableFuture<Indexed> running;

  /** An index built from the store at {@code version}. */
  record Indexed(long version, IndexSearcher searcher, int size) {
  }

  public SearchIndex(PromiseStore store, SearchDocuments documents) {
    this.store = store;
    this.documents = documents;
    this.analyzer = new SwedishSearchAnalyzer(CompoundDictionary.load());
  }

  Analyzer analyzer() {
    return analyzer;
  }

  /** Whether the index is older than the store and no queued or running build will catch up. Cheap. */
  public synchronized boolean stale() {
    long now = store.version();
    Indexed idx = current;
    return (idx == null || idx.version() < now) && pending == null && building < now;
  }

  /** Queues a rebuild unless one is already queued (a queued build reads the newest data when it starts). */
  public synchronized CompletableFuture<Indexed> refresh() {
    if (pending != null) {
      return pending;
    }
    if (running != null && building >= store.version()) {
      return running;
    }
    CompletableFuture<Indexed> next = new CompletableFuture<>();
    pending = next;
    builder.execute(() -> {
      synchronized (this) {
        pending = null;
        building = store.version();
        running = next;
      }
      try {
        next.complete(build());
      } catch (RuntimeException | IOException e) {
        LOG.error("search index rebuild failed", e);
        next.completeExceptionally(e);
      } finally {
        synchronized (this) {
          building = -1;
          running = null;
        }
      }
    });
    return next;
  }

  /** The index for the store's current version, waiting at most {@code wait} for a rebuild. */
  Indexed await(Duration wait) {
    long wanted = store.version();
    long deadline = System.nanoTime() + wait.toNanos();
    Indexed idx = current;
    while (idx == null || idx.version() < wanted) {
      try {
        refresh().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        if (current != null) {
          return current;
        }
        throw new IllegalStateException("the search index is still being built; try again in a few seconds");
      } catch (ExecutionException e) {
        throw new IllegalStateException("the search index could not be built (" + e.getCause()
            + "); it is tried again within a second", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the search index", e);
      }
      idx = current;
    }
    return idx;
  }

  /** Searches; see {@link SearchQuery}. */
  public Comparison.Page<SearchQuery.Hit> search(String text, Set<String> themes, Comparison.Filter filter, int page,
                                                 int pageSize) {
    return search(text, themes, filter, page, pageSize, false);
  }

  /** Searches; with {@code english} the words may also be English theme labels (the page in English). */
  public Comparison.Page<SearchQuery.Hit> search(String text, Set<String> themes, Comparison.Filter filter, int page,
                                                 int pageSize, boolean english) {
    Indexed idx = await(Duration.ofSeconds(30));
    return new SearchQuery(idx.searcher(), analyzer).run(text, themes, filter, page, pageSize, english);
  }

  private Indexed build() throws IOException {
    long version = store.version();
    long started = System.nanoTime();
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    List<SearchDocuments.Doc> docs = documents.read();
    try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
      List<org.apache.lucene.document.Document> batch = new ArrayList<>();
      for (SearchDocuments.Doc d : docs) {
        batch.add(d.toLucene());
      }
      writer.addDocuments(batch);
    }
    Indexed built = new Indexed(version, new IndexSearcher(DirectoryReader.open(dir)), docs.size());
    synchronized (this) {
      if (current == null || current.version() < version) {
        current = built;
      }
    }
    LOG.info("search index: {} commitments at data version {} in {} ms", docs.size(), version,
        (System.nanoTime() - started) / 1_000_000);
    return built;
  }

  /** Number of commitments in the current index, 0 before the first build. */
  public int size() {
    Indexed idx = current;
    return idx == null ? 0 : idx.size();
  }

  @Override
  public void close() {
    builder.shutdownNow();
  }

}
