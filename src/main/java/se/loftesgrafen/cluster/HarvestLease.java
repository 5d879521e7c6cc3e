package se.loftesgrafen.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The fleet's one harvest at a time: a single row that names the run going and the replica holding it, claimed by
 * one atomic UPDATE (two replicas claiming at the same moment: PostgreSQL lets exactly one match), kept alive by the
 * holder's heartbeat, and free again when the run ends or its heartbeat is older than {@code staleAfter}. Beside it,
 * one row per run with its latest report (the JSON of {@code /harvest/status}), written by the replica running it.
 */
final class HarvestLease {
  /** Who holds the lease: run {@code runId} on {@code replica}, alive at {@code heartbeat}. */
  record Holder(String runId, String replica, Instant heartbeat) {
  }

  private final DataSource db;
  private final Duration staleAfter;

  HarvestLease(DataSource db, Duration staleAfter) {
    this.db = db;
    this.staleAfter = staleAfter;
  }

  /**
   * Claims the lease for {@code runId} on {@code replica}: when it is free, stale, or already this run's (an admin
   * request claims it before the schedule runs it, perhaps on another replica; Quartz re-fires the run of a replica
   * it found dead on another). Empty when claimed; else who holds it.
   */
  Optional<Holder> claim(String runId, String replica) {
    for (int attempt = 0; attempt < 3; attempt++) {
      if (update("""
          UPDATE lg_harvest_lease SET run_id = ?, holder = ?, heartbeat = now()
          WHERE id = 1 AND (run_id IS NULL OR run_id = ? OR heartbeat < now() - make_interval(secs => ?))""",
          runId, replica, runId, staleAfter.toMillis() / 1000.0) == 1) {
        return Optional.empty();
      }
      Optional<Holder> holder = holder();
      if (holder.isPresent()) {
        return holder;
      }
      // freed between the two statements: try again
    }
    return holder().or(() -> Optional.of(new Holder("unknown", "unknown", Instant.EPOCH)));
  }

  /** The live holder; empty when the lease is free or its heartbeat is stale. */
  Optional<Holder> holder() {
    return query("""
        SELECT run_id, holder, heartbeat FROM lg_harvest_lease
        WHERE id = 1 AND run_id IS NOT NULL AND heartbeat >= now() - make_interval(secs => ?)""",
        r -> new Holder(r.getString(1), r.getString(2), r.getTimestamp(3).toInstant()),
        staleAfter.toMillis() / 1000.0);
  }

  /** The run as the lease records it, stale or not (what a recovering replica takes over). */
  Optional<String> recordedRun() {
    return query("SELECT run_id FROM lg_harvest_lease WHERE id = 1 AND run_id IS NOT NULL", r -> r.getString(1));
  }

  /** A run starts (or goes on) on {@code replica}: its report row, naming every replica that ran it. */
  void begin(String runId, String replica) {
    update("""
        INSERT INTO lg_harvest_run (run_id, replicas) VALUES (?, ?)
        ON CONFLICT (run_id) DO UPDATE SET replicas = lg_harvest_run.replicas || ' ' || EXCLUDED.replicas""",
        runId, replica);
  }

  /** The holder is alive; the run's latest report. False when the lease is no longer this run's. */
  boolean beat(String runId, String replica, String report) {
    update("UPDATE lg_harvest_run SET report = ? WHERE run_id = ?", report, runId);
    return update("UPDATE lg_harvest_lease SET heartbeat = now() WHERE id = 1 AND run_id = ? AND holder = ?",
        runId, replica) == 1;
  }

  /** The run ended: its final report, and the lease freed if it is still this run's. */
  void finish(String runId, Optional<String> report) {
    report.ifPresent(r -> update("UPDATE lg_harvest_run SET report = ?, ended = now() WHERE run_id = ?", r, runId));
    if (report.isEmpty()) {
      update("UPDATE lg_harvest_run SET ended = now() WHERE run_id = ?", runId);
    }
    release(runId);
  }

  /** Frees the lease if it is still {@code runId}'s. */
  void release(String runId) {
    update("UPDATE lg_harvest_lease SET run_id = NULL, holder = NULL, heartbeat = NULL WHERE id = 1 AND run_id = ?",
        runId);
  }

  Optional<String> report(String runId) {
    return query("SELECT report FROM lg_harvest_run WHERE run_id = ? AND report IS NOT NULL", r -> r.getString(1),
        runId);
  }

  Optional<String> replicas(String runId) {
    return query("SELECT replicas FROM lg_harvest_run WHERE run_id = ?", r -> r.getString(1), runId);
  }

  /** The report of the run that ended last. */
  Optional<String> lastFinished() {
    return query("SELECT report FROM lg_harvest_run WHERE ended IS NOT NULL AND report IS NOT NULL"
        + " ORDER BY ended DESC LIMIT 1", r -> r.getString(1));
  }

  long finishedRuns() {
    return query("SELECT count(*) FROM lg_harvest_run WHERE ended IS NOT NULL", r -> r.getLong(1)).orElse(0L);
  }

  @FunctionalInterface
  interface Row<T> {
    T read(ResultSet r) throws SQLException;
  }

  private <T> Optional<T> query(String sql, Row<T> row, Object... parameters) {
    try (Connection c = db.getConnection(); PreparedStatement s = prepare(c, sql, parameters);
         ResultSet r = s.executeQuery()) {
      return r.next() ? Optional.ofNullable(row.read(r)) : Optional.empty();
    } catch (SQLException e) {
      throw new ClusterException("cluster database: " + e.getMessage(), e);
    }
  }

  private int update(String sql, Object... parameters) {
    try (Connection c = db.getConnection(); PreparedStatement s = prepare(c, sql, parameters)) {
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new ClusterException("cluster database: " + e.getMessage(), e);
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      s.setObject(i + 1, parameters[i]);
    }
    return s;
  }
}
