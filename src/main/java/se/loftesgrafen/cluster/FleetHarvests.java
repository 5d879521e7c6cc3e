package se.loftesgrafen.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.harvest.HarvestRunner;
import se.loftesgrafen.harvest.HarvestSummary;
import se.loftesgrafen.harvest.Harvester;
import se.loftesgrafen.harvest.ReextractSummary;
import se.loftesgrafen.harvest.Source;
import se.loftesgrafen.schedule.Harvests;
import se.loftesgrafen.schedule.RunStatus;
import se.loftesgrafen.schedule.ScheduledRuns;

/**
 * Harvests of one replica in a fleet. A run, asked for on the admin endpoint of any replica or fired by the
 * clustered schedule, first claims the fleet's {@link HarvestLease}: the first claim wins, every other replica
 * answers 409 naming the run and its replica. An asked run is queued as a Quartz job that requests recovery, so when
 * the replica running it dies (no check-in for the cluster check-in interval plus 7.5 s), Quartz re-fires it on
 * another replica, which takes the lease over with the same run id and goes on: the harvest state in the database
 * and the content hashes in the store make it skip what was committed. While it runs, the replica writes its
 * report and heartbeat every second; {@code /harvest/status} reads them from the database on every replica.
 */
public final class FleetHarvests implements Harvests, ScheduledRuns {
  private static final Logger LOG = LoggerFactory.getLogger("harvest");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DATA_SOURCE = "loftesgrafen";
  private static final Duration BEAT = Duration.ofSeconds(1);
  private final HarvestRunner runner;
  private final HarvestLease lease;
  private final String replica;
  private final ScheduledExecutorService heart;
  private volatile Consumer<String> launcher = runId -> {
    throw new IllegalStateException("the fleet's schedule has not started");
  };

  public FleetHarvests(HarvestRunner runner, ClusterDatabase db, AppConfig.ClusterConfig config) {
    this.runner = runner;
    this.replica = config.replica();
    // A lease whose holder is silent this long is free again (Quartz takes a replica for dead well before).
    Duration staleAfter = config.checkinInterval().multipliedBy(4).plusSeconds(20);
    this.lease = new HarvestLease(db.dataSource(), staleAfter);
    this.heart = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "harvest-lease");
      t.setDaemon(true);
      return t;
    });
  }

  /** The harvester of this replica, its harvest state in the fleet's database. */
  public static Harvester shared(Harvester harvester, ClusterDatabase db, AppConfig.ClusterConfig config) {
    return harvester.asReplica(config.replica(), () -> HarvestStateTable.open(db.dataSource()));
  }

  /**
   * Quartz's JDBC job store in clustered mode on the fleet's database (its connections from our pool), this replica
   * named by {@code cluster.replica}.
   */
  public static Properties quartzProperties(ClusterDatabase db, AppConfig.ClusterConfig config) {
    DBConnectionManager.getInstance().addConnectionProvider(DATA_SOURCE, new ConnectionProvider() {
      @Override
      public java.sql.Connection getConnection() throws java.sql.SQLException {
        return db.dataSource().getConnection();
      }

      @Override
      public void shutdown() {
        // the pool is closed with the database
      }

      @Override
      public void initialize() {
        // the pool is open
      }
    });
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", "loftesgrafen");
    p.setProperty("org.quartz.scheduler.instanceId", config.replica());
    p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
    p.setProperty("org.quartz.jobStore.dataSource", DATA_SOURCE);
    p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
    p.setProperty("org.quartz.jobStore.isClustered", "true");
    p.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(config.checkinInterval().toMillis()));
    p.setProperty("org.quartz.jobStore.useProperties", "true");
    p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
    return p;
  }

  /** Where an asked run is queued (the clustered schedule's {@code launch}); set once the schedule has started. */
  public void launchWith(Consumer<String> launch) {
    this.launcher = launch;
  }

  @Override
  public Start start() {
    String runId = Harvester.newRunId();
    HarvestLease.Claim claim = lease.claim(runId, replica);
    if (claim instanceof HarvestLease.Busy busy) {
      return new Busy(busy.holder().runId(), busy.holder().replica());
    }
    try {
      launcher.accept(runId);
    } catch (RuntimeException e) {
      lease.release(runId, replica, ((HarvestLease.Claimed) claim).epoch());
      throw e;
    }
    LOG.info("run {}: asked for on replica {}, queued in the fleet's schedule", runId, replica);
    return new Accepted(runId, replica);
  }

  @Override
  public void fire(Optional<String> asked, String schedule, String defaultSchedule, boolean recovering)
      throws InterruptedException {
    Supplier<List<Source>> which = asked.isPresent() ? runner.sources() : runner.sourcesOn(schedule, defaultSchedule);
    // A recovered firing of the schedule goes on as the run the lease still names (the dead replica's).
    String runId = asked.orElseGet(() -> recovering ? lease.recordedRun().orElseGet(Harvester::newRunId)
        : Harvester.newRunId());
    HarvestLease.Claim claim = lease.claim(runId, replica);
    if (claim instanceof HarvestLease.Busy busy) {
      LOG.info("{} harvest {} skipped on {}: run {} is going on {}", asked.isPresent() ? "asked" : "scheduled",
          runId, replica, busy.holder().runId(), busy.holder().replica());
      return;
    }
    if (recovering) {
      LOG.warn("run {}: handed over to replica {} (the replica running it stopped checking in)", runId, replica);
    }
    run(runId, ((HarvestLease.Claimed) claim).epoch(), which);
  }

  /** Runs {@code which} now as one of the fleet's runs unless one is going (the start-up harvest of the sample). */
  public Optional<HarvestSummary> runNow(Supplier<List<Source>> which) throws InterruptedException {
    String runId = Harvester.newRunId();
    HarvestLease.Claim claim = lease.claim(runId, replica);
    if (claim instanceof HarvestLease.Busy busy) {
      LOG.info("harvest {} skipped: run {} is going on {}", runId, busy.holder().runId(), busy.holder().replica());
      return Optional.empty();
    }
    return run(runId, ((HarvestLease.Claimed) claim).epoch(), which);
  }

  private Optional<HarvestSummary> run(String runId, long epoch, Supplier<List<Source>> which)
      throws InterruptedException {
    lease.begin(runId, replica);
    Thread self = Thread.currentThread();
    Heartbeat heartbeat = new Heartbeat(runId, epoch, self);
    var beating = heart.scheduleWithFixedDelay(heartbeat::beat, 0, BEAT.toMillis(), TimeUnit.MILLISECONDS);
    Optional<HarvestSummary> done = Optional.empty();
    try {
      done = runner.runAndWait(runId, which);
      if (done.isEmpty()) {
        LOG.warn("run {}: not started on {}: a re-extraction is going here", runId, replica);
      }
      return done;
    } finally {
      beating.cancel(false);
      lease.finish(runId, replica, epoch, done.map(this::report));
    }
  }

  /**
   * The heartbeat of one run under one epoch: the run's report so far. A lease taken over by another replica stops
   * the run here; so does a database this replica cannot reach for half the time a silent holder keeps the lease, so
   * that the run has stopped writing before another replica may take it over.
   */
  private final class Heartbeat {
    private final String runId;
    private final long epoch;
    private final Thread job;
    private long lastBeat = System.nanoTime();

    Heartbeat(String runId, long epoch, Thread job) {
      this.runId = runId;
      this.epoch = epoch;
      this.job = job;
    }

    void beat() {
      try {
        Optional<HarvestSummary> now = runner.current().filter(s -> s.runId().equals(runId));
        if (!lease.beat(runId, replica, epoch, now.map(FleetHarvests.this::report).orElse(null))) {
          stop("the fleet's lease went to another replica (or its epoch " + epoch + " passed)");
          return;
        }
        lastBeat = System.nanoTime();
      } catch (RuntimeException e) {
        Duration silent = Duration.ofNanos(System.nanoTime() - lastBeat);
        LOG.warn("run {}: cannot reach the cluster database for the heartbeat ({} ms): {}", runId,
            silent.toMillis(), e.getMessage());
        if (silent.compareTo(lease.staleAfter().dividedBy(2)) > 0) {
          stop("the cluster database has not been reachable for " + silent.toSeconds() + " s, half the time the"
              + " lease is kept without a heartbeat");
        }
      }
    }

    private void stop(String why) {
      LOG.error("run {}: {}; stopping it here", runId, why);
      job.interrupt();
      try {
        runner.stop(Duration.ZERO, why);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private String report(HarvestSummary summary) {
    try {
      return JSON.writeValueAsString(RunStatus.of(summary, replica));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("run report of " + summary.runId() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<ReextractSummary> reextract(boolean dryRun) {
    String runId = "reextract-" + Harvester.newRunId();
    if (!(lease.claim(runId, replica) instanceof HarvestLease.Claimed claimed)) {
      return Optional.empty();
    }
    var beating = heart.scheduleWithFixedDelay(() -> lease.beat(runId, replica, claimed.epoch(), null),
        BEAT.toMillis(), BEAT.toMillis(), TimeUnit.MILLISECONDS);
    try {
      return runner.reextract(dryRun);
    } finally {
      beating.cancel(false);
      lease.release(runId, replica, claimed.epoch());
    }
  }

  /** The same on every replica: read from the database. */
  @Override
  public Map<String, Object> status() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("current", lease.holder().map(h -> {
      Map<String, Object> run = lease.report(h.runId()).map(FleetHarvests::parse).orElseGet(() -> {
        Map<String, Object> queued = new LinkedHashMap<>();
        queued.put("runId", h.runId());
        queued.put("running", true);
        return queued;
      });
      run.put("replica", h.replica());
      run.put("heartbeat", h.heartbeat().toString());
      return withReplicas(run);
    }).orElse(null));
    body.put("last", lease.lastFinished().map(FleetHarvests::parse).map(this::withReplicas).orElse(null));
    body.put("finishedRuns", lease.finishedRuns()); // by the whole fleet
    return body;
  }

  /** Every replica that ran the run, in order: more than one when it was handed over. */
  private Map<String, Object> withReplicas(Map<String, Object> run) {
    Object id = run.get("runId");
    if (id != null) {
      lease.replicas(id.toString()).ifPresent(r -> run.put("replicas", Arrays.stream(r.split(" ")).distinct().toList()));
    }
    return run;
  }

  private static Map<String, Object> parse(String report) {
    try {
      return JSON.readValue(report, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable run report in the cluster database: " + e.getMessage(), e);
    }
  }

  /** The run going in the fleet, as "run ID on REPLICA"; empty when none is. */
  public Optional<String> going() {
    return lease.holder().map(h -> "run " + h.runId() + " on " + h.replica());
  }

  public String replica() {
    return replica;
  }

  /** Stops the heartbeat; a run still going here is stopped by the runner's close. */
  public void close() {
    heart.shutdownNow();
  }
}
