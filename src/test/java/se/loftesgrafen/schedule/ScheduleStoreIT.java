package se.loftesgrafen.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.loftesgrafen.cluster.ClusterDatabase;
import se.loftesgrafen.cluster.FleetHarvests;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.testing.Postgres;

/**
 * Quartz's JDBC job store on a real PostgreSQL keeps its triggers across restarts: after the schedule is changed and
 * the service restarted, it holds the new schedule's trigger only (issue 25: the old nightly trigger went on firing).
 */
class ScheduleStoreIT {
  static Postgres postgres;

  @BeforeAll
  static void start() {
    postgres = Postgres.start();
  }

  @AfterAll
  static void stop() {
    postgres.close();
  }

  /** Records firings; no run is made (the firings of far-off cron times never come in this test anyway). */
  private static final class Firings implements ScheduledRuns {
    final List<String> fired = new ArrayList<>();

    @Override
    public void fire(Optional<String> runId, String schedule, String defaultSchedule, boolean recovering) {
      fired.add(schedule);
    }
  }

  @Test
  void aChangedScheduleLeavesExactlyItsTriggerInTheJobStoreAfterARestart() throws Exception {
    AppConfig.ClusterConfig cluster = postgres.cluster("s1", Duration.ofSeconds(1));
    try (ClusterDatabase db = ClusterDatabase.open(cluster)) {
      try (HarvestScheduler first = HarvestScheduler.start(new Firings(), List.of("0 0 3 * * ?", "0 0 4 ? * SUN"),
          "0 0 3 * * ?", FleetHarvests.quartzProperties(db, cluster))) {
        assertEquals(List.of("0 0 3 * * ?", "0 0 4 ? * SUN"), cronTriggers(db));
      }
      // restarted with harvest.schedule changed and the source with a schedule of its own gone
      try (HarvestScheduler second = HarvestScheduler.start(new Firings(), List.of("0 30 2 * * ?"), "0 30 2 * * ?",
          FleetHarvests.quartzProperties(db, cluster))) {
        assertEquals(List.of("0 30 2 * * ?"), cronTriggers(db));
      }
      // and again, unchanged: the one trigger is kept, not doubled
      try (HarvestScheduler third = HarvestScheduler.start(new Firings(), List.of("0 30 2 * * ?"), "0 30 2 * * ?",
          FleetHarvests.quartzProperties(db, cluster))) {
        assertEquals(List.of("0 30 2 * * ?"), cronTriggers(db));
        assertEquals(1, count(db, "SELECT count(*) FROM qrtz_job_details WHERE job_group = ?"));
      }
    }
  }

  private static List<String> cronTriggers(ClusterDatabase db) throws Exception {
    List<String> crons = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
        "SELECT cron_expression FROM qrtz_cron_triggers WHERE trigger_group = ? ORDER BY cron_expression")) {
      s.setString(1, HarvestScheduler.GROUP);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          crons.add(r.getString(1));
        }
      }
    }
    return crons;
  }

  private static long count(ClusterDatabase db, String sql) throws Exception {
    try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, HarvestScheduler.GROUP);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }
}
