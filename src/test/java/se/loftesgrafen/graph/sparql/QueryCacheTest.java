package se.loftesgrafen.graph.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The SPARQL answer cache holds at most its bound in bytes, counting the query text of the keys. */
class QueryCacheTest {
  @Test
  void bigQueryTextsCountAgainstTheBound() {
    QueryCache cache = new QueryCache(1 << 20, 256 << 10);
    for (int i = 0; i < 100; i++) {
      // 100 KB of query text (200 KB of heap as UTF-16) and a 10-byte answer
      cache.put(new QueryCache.Key(1, i + "x".repeat(100 * 1024), "json"), "application/json", new byte[10]);
    }
    assertTrue(cache.bytes() <= 1 << 20, "holds " + cache.bytes() + " bytes");
    assertTrue(cache.size() <= 5, "holds " + cache.size() + " entries of 200 KB keys in 1 MB");
    assertTrue(cache.get(new QueryCache.Key(1, 99 + "x".repeat(100 * 1024), "json")).isPresent(),
        "the most recent entry is kept");
  }

  @Test
  void anEntryWhoseKeyAloneIsTooBigIsNotKept() {
    QueryCache cache = new QueryCache(8 << 20, 1 << 20);
    cache.put(new QueryCache.Key(1, "x".repeat(600 * 1024), "json"), "application/json", new byte[10]);
    assertEquals(0, cache.size());
    assertEquals(0, cache.bytes());
    cache.put(new QueryCache.Key(1, "SELECT * {}", "json"), "application/json", new byte[1000]);
    assertEquals(1, cache.size());
    assertTrue(cache.bytes() >= 1000 + 2 * "SELECT * {}".length());
  }
}
