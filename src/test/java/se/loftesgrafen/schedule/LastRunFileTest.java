package se.loftesgrafen.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.loftesgrafen.harvest.HarvestSummary;

/** The last run survives the process: as it ended, or, when the process died during it, as cut off. */
class LastRunFileTest {
  @TempDir
  Path store;

  private static HarvestSummary run(String id, Optional<Instant> ended, int stored) {
    return new HarvestSummary(id, Instant.parse("2026-12-08T01:00:00Z"), ended, 0, stored, 0, stored, 0, 0,
        List.of("failed http://127.0.0.1/x: HTTP 500"), List.of(), Optional.empty());
  }

  @Test
  void aRunCutOffByAKillIsReadBackAsEndedWithTheReasonAndItsCounts() {
    new LastRunFile(store, "a").write(run("r1", Optional.empty(), 7));
    Map<String, Object> back = new LastRunFile(store, "a").read().orElseThrow();
    assertEquals("r1", back.get("runId"));
    assertEquals(false, back.get("running"));
    assertEquals(7, back.get("stored"));
    assertTrue(String.valueOf(back.get("stopped")).contains("ended during the run"), back.toString());
    assertTrue(back.get("ended") != null, back.toString());
  }

  @Test
  void aFinishedRunIsReadBackAsItEndedAndALateRunningTickDoesNotUndoIt() throws Exception {
    LastRunFile file = new LastRunFile(store, "a");
    file.write(run("r2", Optional.of(Instant.parse("2026-12-08T01:05:00Z")), 9));
    file.write(run("r2", Optional.empty(), 8)); // a tick that raced the end
    Map<String, Object> back = new LastRunFile(store, "a").read().orElseThrow();
    assertEquals("2026-12-08T01:05:00Z", back.get("ended"));
    assertEquals(9, back.get("stored"));
    assertTrue(!back.containsKey("stopped"), back.toString());
    assertTrue(Files.exists(store.resolve(LastRunFile.NAME)));
  }

  @Test
  void noFileOrABrokenOneIsNoLastRun() throws Exception {
    assertTrue(new LastRunFile(store, "a").read().isEmpty());
    Files.writeString(store.resolve(LastRunFile.NAME), "{\"runId\": ");
    assertTrue(new LastRunFile(store, "a").read().isEmpty());
  }
}
