package se.loftesgrafen.graph.compare;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import se.loftesgrafen.graph.PromiseStore;

/**
 * Answers kept until the data changes: every entry belongs to the {@link PromiseStore#version()} it was computed
 * at, and a new version empties the cache. Least recently used entries go first beyond {@code capacity}.
 * Two threads missing the same key both compute; the answer is the same, so that costs time, not correctness.
 */
public final class ComparisonCache {
  /** Keys are built from validated API parameters (each at most a few hundred characters); a longer one is not kept. */
  private static final int MAX_KEY_CHARS = 4096;
  private final PromiseStore store;
  private final int capacity;
  private final boolean enabled;
  private final Map<String, Object> entries;
  private long version;

  public ComparisonCache(PromiseStore store, int capacity, boolean enabled) {
    this.store = store;
    this.capacity = capacity;
    this.enabled = enabled;
    this.entries = new LinkedHashMap<>(64, 0.75f, true);
    this.version = store.version();
  }

  @SuppressWarnings("unchecked")
  public <T> T get(String key, Supplier<T> compute) {
    if (!enabled || key.length() > MAX_KEY_CHARS) {
      return compute.get();
    }
    long seen = store.version();
    synchronized (this) {
      if (seen != version) {
        entries.clear();
        version = seen;
      }
      Object hit = entries.get(key);
      if (hit != null) {
        return (T) hit;
      }
    }
    T value = compute.get();
    synchronized (this) {
      // Keep it only if the data did not change while computing: it might mix two versions otherwise.
      if (store.version() == seen && version == seen) {
        entries.put(key, value);
        if (entries.size() > capacity) {
          entries.remove(entries.keySet().iterator().next());
        }
      }
    }
    return value;
  }
}
