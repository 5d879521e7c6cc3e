package se.loftesgrafen.graph;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Answers of the SPARQL endpoint by (data version, request): a repeated identical query is served from memory.
 * The version changes on every write, so stale answers are never hit again and age out. Bounded in bytes (LRU).
 */
public final class QueryCache {
  /** What identifies an answer: the data version, the query text with its dataset, the answer's media type. */
  public record Key(long version, String request, String mediaType) {
  }

  private final long maxBytes;
  private final long maxEntryBytes;
  private long bytes;
  private long hits;
  private long misses;
  private final LinkedHashMap<Key, byte[]> entries = new LinkedHashMap<>(64, 0.75f, true);

  public QueryCache(long maxBytes, long maxEntryBytes) {
    this.maxBytes = maxBytes;
    this.maxEntryBytes = maxEntryBytes;
  }

  public synchronized Optional<byte[]> get(Key key) {
    byte[] body = entries.get(key);
    if (body == null) {
      misses++;
    } else {
      hits++;
    }
    return Optional.ofNullable(body);
  }

  /** Keeps the answer unless it is bigger than one entry may be; evicts the least recently used beyond the bound. */
  public synchronized void put(Key key, byte[] body) {
    if (body.length > maxEntryBytes) {
      return;
    }
    byte[] old = entries.put(key, body);
    bytes += body.length - (old == null ? 0 : old.length);
    var it = entries.entrySet().iterator();
    while (bytes > maxBytes && it.hasNext()) {
      Map.Entry<Key, byte[]> eldest = it.next();
      bytes -= eldest.getValue().length;
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
