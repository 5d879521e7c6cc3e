package se.loftesgrafen.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.loftesgrafen.harvest.HarvestState;
import se.loftesgrafen.testing.Postgres;

/** The fleet's database parts on a real PostgreSQL: tables created once, the lease claimed by exactly one. */
class HarvestLeaseIT {
  static Postgres postgres;

  @BeforeAll
  static void start() {
    postgres = Postgres.start();
  }

  @AfterAll
  static void stop() {
    postgres.close();
  }

  @Test
  void replicasStartingTogetherCreateTheTablesOnceAndAgainFindThem() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<ClusterDatabase>> opened = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String name = "r" + i;
      opened.add(pool.submit(() -> {
        go.await();
        return ClusterDatabase.open(postgres.cluster(name, Duration.ofSeconds(1)));
      }));
    }
    go.countDown();
    List<ClusterDatabase> dbs = new ArrayList<>();
    for (Future<ClusterDatabase> f : opened) {
      dbs.add(f.get());
    }
    pool.shutdown();
    try (Connection c = dbs.get(0).dataSource().getConnection(); Statement s = c.createStatement();
         ResultSet r = s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'qrtz_%'"
             + " OR table_name LIKE 'lg_harvest_%'")) {
      r.next();
      assertEquals(ClusterDatabase.quartzStatements().stream().filter(x -> x.startsWith("CREATE TABLE")).count() + 3,
          r.getLong(1), "Quartz's tables and our three, once");
    }
    dbs.forEach(ClusterDatabase::close);
    // a later start finds them and changes nothing
    ClusterDatabase.open(postgres.cluster("r9", Duration.ofSeconds(1))).close();
  }

  @Test
  void exactlyOneOfManyClaimsAtTheSameMomentWins() throws Exception {
    try (ClusterDatabase db = ClusterDatabase.open(postgres.cluster("a", Duration.ofSeconds(1)))) {
      HarvestLease lease = new HarvestLease(db.dataSource(), Duration.ofSeconds(30));
      lease.clear();
      int n = 8;
      ExecutorService pool = Executors.newFixedThreadPool(n);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<HarvestLease.Claim>> claims = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String run = "run-" + i;
        String replica = "replica-" + i;
        claims.add(pool.submit((Callable<HarvestLease.Claim>) () -> {
          go.await();
          return lease.claim(run, replica);
        }));
      }
      go.countDown();
      List<HarvestLease.Claim> outcomes = new ArrayList<>();
      for (var f : claims) {
        outcomes.add(f.get());
      }
      pool.shutdown();
      assertEquals(1, outcomes.stream().filter(c -> c instanceof HarvestLease.Claimed).count(),
          "one claim won: " + outcomes);
      int winner = outcomes.indexOf(outcomes.stream().filter(c -> c instanceof HarvestLease.Claimed).findFirst()
          .orElseThrow());
      long epoch = ((HarvestLease.Claimed) outcomes.get(winner)).epoch();
      outcomes.stream().filter(c -> c instanceof HarvestLease.Busy).map(c -> ((HarvestLease.Busy) c).holder())
          .forEach(h -> {
            assertEquals("run-" + winner, h.runId(), "the losers are told the winner's run");
            assertEquals("replica-" + winner, h.replica());
          });
      assertEquals("run-" + winner, lease.holder().orElseThrow().runId());
      // the same run claimed by another replica: Quartz re-fired it there (handed over), under a new epoch
      long other = ((HarvestLease.Claimed) lease.claim("run-" + winner, "other")).epoch();
      assertTrue(other > epoch, other + " after " + epoch);
      assertEquals("other", lease.holder().orElseThrow().replica());
      assertFalse(lease.beat("run-" + winner, "replica-" + winner, epoch, null), "the old holder learns it lost");
      lease.release("run-" + winner, "other", other);
      assertTrue(lease.holder().isEmpty());
    }
  }

  @Test
  void aLeaseWhoseHolderFellSilentIsFreeAgain() throws Exception {
    try (ClusterDatabase db = ClusterDatabase.open(postgres.cluster("a", Duration.ofSeconds(1)))) {
      HarvestLease lease = new HarvestLease(db.dataSource(), Duration.ofMillis(1500));
      lease.clear();
      assertTrue(lease.claim("first", "a") instanceof HarvestLease.Claimed);
      assertEquals("first", ((HarvestLease.Busy) lease.claim("second", "b")).holder().runId());
      Thread.sleep(2000);
      assertTrue(lease.holder().isEmpty(), "stale");
      long epoch = ((HarvestLease.Claimed) lease.claim("second", "b")).epoch();
      lease.begin("second", "b");
      lease.finish("second", "b", epoch, Optional.of("{\"runId\":\"second\"}"));
      assertTrue(lease.holder().isEmpty());
      assertEquals("{\"runId\":\"second\"}", lease.lastFinished().orElseThrow());
    }
  }

  /**
   * Issue 25's fleet run: the holder paused (SIGSTOP) past its lease, another replica took the run over, and on
   * resuming the first freed the lease by run id, so the second's heartbeat failed and no one ran the harvest. With
   * the epoch, the paused holder can neither renew, nor free, nor end the run it lost.
   */
  @Test
  void aHolderPausedPastItsLeaseCannotRenewFreeOrEndTheRunItLost() throws Exception {
    try (ClusterDatabase db = ClusterDatabase.open(postgres.cluster("a", Duration.ofSeconds(1)))) {
      HarvestLease lease = new HarvestLease(db.dataSource(), Duration.ofMillis(1500));
      lease.clear();
      long paused = ((HarvestLease.Claimed) lease.claim("run-x", "paused")).epoch();
      lease.begin("run-x", "paused");
      Thread.sleep(2000); // silent past its lease
      long taker = ((HarvestLease.Claimed) lease.claim("run-x", "taker")).epoch();
      assertTrue(taker > paused);
      lease.begin("run-x", "taker");
      // the paused one resumes
      assertFalse(lease.holds("run-x", "paused", paused));
      assertFalse(lease.beat("run-x", "paused", paused, "{\"from\":\"paused\"}"), "cannot renew");
      lease.release("run-x", "paused", paused);
      lease.finish("run-x", "paused", paused, Optional.of("{\"from\":\"paused\"}"));
      assertEquals("taker", lease.holder().orElseThrow().replica(), "the taker still holds the run");
      assertTrue(lease.beat("run-x", "taker", taker, "{\"from\":\"taker\"}"), "the taker's heartbeat holds");
      assertEquals("{\"from\":\"taker\"}", lease.report("run-x").orElseThrow(), "no report from the paused one");
      lease.finish("run-x", "taker", taker, Optional.of("{\"from\":\"taker\"}"));
      assertTrue(lease.holder().isEmpty(), "freed by its holder");
    }
  }

  @Test
  void harvestStateWrittenByOneReplicaIsReadByAnother() {
    try (ClusterDatabase a = ClusterDatabase.open(postgres.cluster("a", Duration.ofSeconds(1)));
         ClusterDatabase b = ClusterDatabase.open(postgres.cluster("b", Duration.ofSeconds(1)))) {
      HarvestState.Entry entry = new HarvestState.Entry("http://127.0.0.1/x.html", Optional.of("\"e1\""),
          Optional.empty(), "ab12", true, List.of("http://127.0.0.1/y.html"), List.of());
      try (HarvestState state = HarvestStateTable.open(a.dataSource())) {
        state.put(entry);
        state.put(new HarvestState.Entry(entry.url(), Optional.of("\"e2\""), Optional.empty(), "cd34", true,
            List.of(), List.of()));
      }
      try (HarvestState other = HarvestStateTable.open(b.dataSource())) {
        HarvestState.Entry read = other.get(entry.url()).orElseThrow();
        assertEquals(Optional.of("\"e2\""), read.etag(), "the latest entry");
        assertEquals("cd34", read.sha256());
      }
    }
  }
}
