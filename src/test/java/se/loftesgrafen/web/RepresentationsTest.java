package se.loftesgrafen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Representations are rendered once per data version, bounded in bytes, and read ahead after a change. */
class RepresentationsTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private final AtomicLong version = new AtomicLong(1);
  private final Map<String, AtomicInteger> renders = new ConcurrentHashMap<>();

  /** The worker pool as the service has it: work on other threads, a future for the result. */
  private final Representations.Worker worker = new Representations.Worker() {
    @Override
    public <T> Future<T> run(Callable<T> work) {
      Promise<T> promise = Promise.promise();
      pool.submit(() -> {
        try {
          promise.complete(work.call());
        } catch (Exception e) {
          promise.fail(e);
        }
      });
      return promise.future();
    }
  };

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private Callable<Representations.Rendered> render(String resource, String text) {
    return () -> {
      renders.computeIfAbsent(resource, r -> new AtomicInteger()).incrementAndGet();
      return new Representations.Rendered("text/plain", (text + "@" + version.get()).getBytes(StandardCharsets.UTF_8));
    };
  }

  private static Representations.Representation await(Future<Representations.Representation> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static Representations.Key key(String resource) {
    return new Representations.Key(resource, "text/plain");
  }

  @Test
  void aRepresentationIsRenderedOncePerDataVersion() throws Exception {
    Representations cache = new Representations(version::get, worker, 1 << 20, 0, 10);
    Representations.Representation first = await(cache.get(key("/id/a"), render("/id/a", "a")));
    Representations.Representation again = await(cache.get(key("/id/a"), render("/id/a", "a")));
    assertEquals(1, renders.get("/id/a").get(), "the second request is served from memory");
    assertEquals(first, again);
    version.incrementAndGet();
    Representations.Representation changed = await(cache.get(key("/id/a"), render("/id/a", "a")));
    assertEquals(2, renders.get("/id/a").get(), "a new data version renders again");
    assertEquals("a@2", new String(changed.body(), StandardCharsets.UTF_8));
    assertNotEquals(first.etag(), changed.etag(), "other bytes, another ETag");
    assertEquals(1, cache.hits());
    assertEquals(2, cache.misses());
  }

  @Test
  void theETagComesFromTheBytesSoAnUntouchedRepresentationKeepsIt() throws Exception {
    Representations cache = new Representations(version::get, worker, 1 << 20, 0, 10);
    Callable<Representations.Rendered> same = () -> new Representations.Rendered("text/plain", new byte[] {1, 2, 3});
    String before = await(cache.get(key("/id/b"), same)).etag();
    version.incrementAndGet();
    assertEquals(before, await(cache.get(key("/id/b"), same)).etag());
  }

  @Test
  void requestsForOneBeingRenderedWaitForThatRendering() throws Exception {
    Representations cache = new Representations(version::get, worker, 1 << 20, 0, 10);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    Callable<Representations.Rendered> slow = () -> {
      calls.incrementAndGet();
      release.await();
      return new Representations.Rendered("text/plain", "slow".getBytes(StandardCharsets.UTF_8));
    };
    List<Future<Representations.Representation>> waiting = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      waiting.add(cache.get(key("/id/slow"), slow));
    }
    release.countDown();
    for (Future<Representations.Representation> f : waiting) {
      assertEquals("slow", new String(await(f).body(), StandardCharsets.UTF_8));
    }
    assertEquals(1, calls.get());
  }

  @Test
  void theCacheHoldsNoMoreBytesThanItsBoundKeysIncluded() throws Exception {
    long bound = 64 * 1024;
    Representations cache = new Representations(version::get, worker, bound, 0, 10);
    String longName = "/id/" + "x".repeat(1000);
    for (int i = 0; i < 200; i++) {
      String resource = longName + i;
      Callable<Representations.Rendered> r = () -> new Representations.Rendered("text/plain", new byte[4000]);
      await(cache.get(key(resource), r));
      assertTrue(cache.bytes() <= bound, "held " + cache.bytes() + " bytes after " + i + " entries");
    }
    // each entry is 4,000 bytes of body and 2,000 of key: at most ten fit in 64 KB
    assertTrue(cache.size() <= 10 && cache.size() > 0, "kept " + cache.size());
    long perEntry = cache.bytes() / cache.size();
    assertTrue(perEntry > 6000, "the key is counted: " + perEntry + " bytes per entry");
  }

  @Test
  void aRenderingThatSpansAChangeIsServedButNotKept() throws Exception {
    Representations cache = new Representations(version::get, worker, 1 << 20, 0, 10);
    Callable<Representations.Rendered> changing = () -> {
      version.incrementAndGet(); // a harvest wrote while this was rendered
      return new Representations.Rendered("text/plain", "mixed".getBytes(StandardCharsets.UTF_8));
    };
    await(cache.get(key("/id/c"), changing));
    assertEquals(0, cache.size());
  }

  @Test
  void afterAChangeTheMostRequestedAreRenderedAgainWithoutARequest() throws Exception {
    Representations cache = new Representations(version::get, worker, 1 << 20, 1, 50);
    for (int i = 0; i < 3; i++) {
      await(cache.get(key("/id/popular"), render("/id/popular", "p")));
    }
    await(cache.get(key("/id/rare"), render("/id/rare", "r")));
    version.incrementAndGet();
    cache.versionChanged(version.get());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (cache.peek(key("/id/popular")).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals("p@2", new String(cache.peek(key("/id/popular")).orElseThrow().body(), StandardCharsets.UTF_8));
    assertEquals(2, renders.get("/id/popular").get(), "read ahead once");
    assertEquals(1, renders.get("/id/rare").get(), "only the most requested one is read ahead");
    await(cache.get(key("/id/popular"), render("/id/popular", "p")));
    assertEquals(2, renders.get("/id/popular").get(), "the request after the change finds it ready");
  }
}
