package se.loftesgrafen.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The extraction watchdog: a document that takes too long fails with the reason, and the others go on. */
class CpuWorkTest {
  /** Spins for {@code millis}, ignoring interrupts, as a runaway regular expression or PDF parser does. */
  private static int spin(long millis) {
    long end = System.nanoTime() + millis * 1_000_000;
    int x = 0;
    while (System.nanoTime() < end) {
      x++;
    }
    return x;
  }

  @Test
  void workPastTheLimitFailsWithTheReasonAndDoesNotHoldTheOthersUp() throws Exception {
    try (CpuWork cpu = new CpuWork(Duration.ofMillis(300))) {
      int slots = Math.max(2, Runtime.getRuntime().availableProcessors());
      List<CompletableFuture<Throwable>> runaways = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < slots; i++) { // as many runaways as there are threads
        runaways.add(CompletableFuture.supplyAsync(() -> {
          try {
            cpu.call(() -> spin(3000));
            return null;
          } catch (RuntimeException e) {
            return e;
          }
        }));
      }
      for (CompletableFuture<Throwable> r : runaways) {
        Throwable e = r.get();
        assertTrue(e instanceof CpuWork.TooSlowException, String.valueOf(e));
        assertTrue(e.getMessage().contains("extractionTimeout"), e.getMessage());
      }
      assertTrue((System.nanoTime() - start) / 1_000_000 < 3000, "the watchdog waited for the runaway work");
      // the runaways still spin, but the next document is extracted at once
      long next = System.nanoTime();
      assertEquals(42, cpu.call(() -> 42));
      assertTrue((System.nanoTime() - next) / 1_000_000 < 2000);
    }
  }

  @Test
  void failuresOfTheWorkKeepTheirOwnException() {
    try (CpuWork cpu = new CpuWork(Duration.ofSeconds(5))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cpu.call(() -> {
        throw new IllegalArgumentException("broken PDF");
      }));
      assertEquals("broken PDF", e.getMessage());
    }
  }
}
