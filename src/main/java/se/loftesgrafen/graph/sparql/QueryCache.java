package se.loftesgrafen.graph.sparql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Answers of the SPARQL endpoint by (data version, request): a repeated identical query is served from memory.
 * The version changes on every write, so stale answers are never hit again and age out. Bounded in bytes (LRU),
 * counting what an entry really holds: the answer, and the key with its query text (a 1 MB query is a 2 MB key
 * in Java's UTF-16 strings; counting only answers let 62 such keys fill a 160 MB heap).
 */
public final class QueryCache {
  /**
   * What identifies an answer: the data version, the query text with its dataset, and what the client asked for
   * (its Accept header and format parameter, as sent): a repeated request is answered without parsing the query.
   */
  public record Key(long version, String request, String asked) {
    /** Heap bytes of the key: two per character (UTF-16, the worst case) and the objects around them. */
    long bytes() {
      return 2L * (request.length() + asked.length()) + 96;
    }
  }

  /** Heap bytes of one entry: key, answer, and the map entry holding them. */
  private static long bytes(Key key, Answer answer) {
    return key.bytes() + answer.body().length + answer.contentType().length() * 2L + 96;
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
    Answer answer = new Answer(contentType, body);
    long size = bytes(key, answer);
    if (size > maxEntryBytes) {
      return;
    }
    Answer old = entries.put(key, answer);
    bytes += size - (old == null ? 0 : bytes(key, old));
    var it = entries.entrySet().iterator();
    while (bytes > maxBytes && it.hasNext()) {
      Map.Entry<Key, Answer> eldest = it.next();
      bytes -= bytes(eldest.getKey(), eldest.getValue());
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

  public synchronized int size() {
    return entries.size();
  }

  /** Bytes held, keys included. */
  public synchronized long bytes() {
    return bytes;
  }
}
