package se.loftesgrafen.graph;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Answers of the SPARQL endpoint by (data version, request): a repeated identical query is served from memory.
 * The version changes on every write, so stale answers are never hit again and age out. Bounded in bytes (LRU).
 */
public final class QueryCache {
  /**
   * What identifies an answer: the data version, the query text with its dataset, and what the client asked for
   * (its Accept header and format parameter, as sent): a repeated request is answered without parsing the query.
   */
  public record Key(long version, String request, String asked) {
  }

  /** A kept answer with its content type. */
  public record Answer(String contentType, byte[] body) {
  }

  private final long maxBytes;
  private final long maxEntryBytes;
  private long bytes;
  private long hits;
  private long misses;
  private final LinkedHashMap<Key, Answer> entries = new LinkedHashMap<>(64, 0.75f, true);

  public QueryCache(long maxBytes, long maxEntryBytes) {
    this.maxBytes = maxBytes;
    this.maxEntryBytes = maxEntryBytes;
  }

  public synchronized Optional<Answer> get(Key key) {
    Answer body = entries.get(key);
    if (body == null) {
      misses++;
    } else {
      hits++;
    }
    return Optional.ofNullable(body);
  }

  /** Keeps the answer unless it is bigger than one entry may be; evicts the least recently used beyond the bound. */
  public synchronized void put(Key key, String contentType, byte[] body) {
    if (body.length > maxEntryBytes) {
      return;
    }
    Answer old = entries.put(key, new Answer(contentType, body));
    bytes += body.length - (old == null ? 0 : old.body().length);
    var it = entries.entrySet().iterator();
    while (bytes > maxBytes && it.hasNext()) {
      Map.Entry<Key, Answer> eldest = it.next();
      bytes -= eldest.getValue().body().length;
      it.remove();
    }
  }

  public long maxEntryBytes() {
    return maxEntryBytes;
  }

  public synchronized long hits() {
    return hits;
  }

  public synchronized long misses() {
    return misses;
  }

  public synchronized long bytes() {
    return bytes;
  }
}
