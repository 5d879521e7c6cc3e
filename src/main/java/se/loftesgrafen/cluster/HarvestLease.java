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
 * holder's heartbeat, and free again when the run ends or its heartbeat is older than {@code staleAfter}. Every claim
 * increases the lease's epoch (a fencing token): heartbeat and release match the holder and its epoch, not only the
 * run, so a replica paused past its lease and resumed finds the lease gone and cannot free or renew the claim of the
 * replica that took the run over. Beside it, one row per run with its latest report (the JSON of
 * {@code /harvest/status}), written by the replica running it.
 */
final class HarvestLease {
  /** Who holds the lease: run {@code runId} on {@code replica}, alive at {@code heartbeat}. */
  record Holder(String runId, String replica, Instant heartbeat) {
  }

  /** What a claim gave: the lease with its epoch, or the holder that has it. */
  sealed interface Claim permits Claimed, Busy {
  }

  /** The lease is this claimer's, under {@code epoch}: its heartbeat and release carry it. */
  record Claimed(long epoch) implements Claim {
  }

  record Busy(Holder holder) implements Claim {
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
  Claim claim(String runId, String replica) {
    for (int attempt = 0; attempt < 3; attempt++) {
      Optional<Long> epoch = query("""
          UPDATE lg_harvest_lease SET run_id = ?, holder = ?, heartbeat = now(), epoch = epoch + 1
          WHERE id = 1 AND (run_id IS NULL OR run_id = ? OR heartbeat < now() - make_interval(secs => ?))
          RETURNING epoch""", r -> r.getLong(1), runId, replica, runId, staleAfter.toMillis() / 1000.0);
      if (epoch.isPresent()) {
        return new Claimed(epoch.get());
      }
      Optional<Holder> holder = holder();
      if (holder.isPresent()) {
        return new Busy(holder.get());
      }
      // freed between the two statements: try again
    }
    return new Busy(holder().orElse(new Holder("unknown", "unknown", Instant.EPOCH)));
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

  /**
   * The holder is alive; the run's latest report. False when the lease is no longer this holder's under this epoch
   * (taken over, or freed): then nothing is written, the report neither.
   */
  boolean beat(String runId, String replica, long epoch, String report) {
    boolean holds = update("""
        UPDATE lg_harvest_lease SET heartbeat = now() WHERE id = 1 AND run_id = ? AND holder = ? AND epoch = ?""",
        runId, replica, epoch) == 1;
    if (holds && report != null) {
      update("UPDATE lg_harvest_run SET report = ? WHERE run_id = ?", report, runId);
    }
    return holds;
  }

  /** The run ended here: its final report, and the lease freed, both only if the lease is still this holder's. */
  void finish(String runId, String replica, long epoch, Optional<String> report) {
    if (!holds(runId, replica, epoch)) {
      return; // taken over: the replica that has the run now reports and ends it
    }
    report.ifPresent(r -> update("UPDATE lg_harvest_run SET report = ?, ended = now() WHERE run_id = ?", r, runId));
    if (report.isEmpty()) {
      update("UPDATE lg_harvest_run SET ended = now() WHERE run_id = ?", runId);
    }
    release(runId, replica, epoch);
  }

  /** Frees the lease if it is still this holder's under this epoch. */
  void release(String runId, String replica, long epoch) {
    update("""
        UPDATE lg_harvest_lease SET run_id = NULL, holder = NULL, heartbeat = NULL
        WHERE id = 1 AND run_id = ? AND holder = ? AND epoch = ?""", runId, replica, epoch);
  }

  /** Whether this holder still has the lease under this epoch (and it is not stale). */
  boolean holds(String runId, String replica, long epoch) {
    return query("""
        SELECT 1 FROM lg_harvest_lease WHERE id = 1 AND run_id = ? AND holder = ? AND epoch = ?
        AND heartbeat >= now() - make_interval(secs => ?)""", r -> r.getInt(1), runId, replica, epoch,
        staleAfter.toMillis() / 1000.0).isPresent();
  }

  /** Frees the lease whatever holds it (a test's clean start). */
  void clear() {
    update("UPDATE lg_harvest_lease SET run_id = NULL, holder = NULL, heartbeat = NULL WHERE id = 1");
  }

  /** How long a silent holder keeps the lease. */
  Duration staleAfter() {
    return staleAfter;
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
