package se.loftesgrafen.cluster;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.loftesgrafen.config.AppConfig;

/**
 * The fleet's PostgreSQL database: one connection pool for Quartz's JDBC job store and our own tables (the harvest
 * lease, run reports, harvest state). The tables are created on the first start of any replica: Quartz's own DDL
 * ({@code tables_postgres.sql} from the Quartz jar, without its DROPs) and ours, in one transaction under an advisory
 * lock, so that two replicas starting at once create them once. PostgreSQL's DDL is transactional: a start that fails
 * half-way leaves nothing.
 */
public final class ClusterDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("cluster");
  /** Any number the replicas agree on: the advisory lock that serialises creating the tables. */
  private static final long SCHEMA_LOCK = 0x4c47_5343_4845_4d41L; // "LGSCHEMA"
  static final String QUARTZ_DDL = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";
  private static final String OUR_TABLES = """
      CREATE TABLE IF NOT EXISTS lg_harvest_lease (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        run_id TEXT NULL,
        holder TEXT NULL,
        heartbeat TIMESTAMPTZ NULL);
      INSERT INTO lg_harvest_lease (id) VALUES (1) ON CONFLICT (id) DO NOTHING;
      ALTER TABLE lg_harvest_lease ADD COLUMN IF NOT EXISTS epoch BIGINT NOT NULL DEFAULT 0;
      CREATE TABLE IF NOT EXISTS lg_harvest_run (
        run_id TEXT PRIMARY KEY,
        replicas TEXT NOT NULL,
        started TIMESTAMPTZ NOT NULL DEFAULT now(),
        ended TIMESTAMPTZ NULL,
        report TEXT NULL);
      CREATE INDEX IF NOT EXISTS lg_harvest_run_ended ON lg_harvest_run (ended);
      CREATE TABLE IF NOT EXISTS lg_harvest_state (
        url TEXT PRIMARY KEY,
        entry TEXT NOT NULL,
        updated TIMESTAMPTZ NOT NULL DEFAULT now())
      """;

  private final HikariDataSource pool;
  private final String url;

  private ClusterDatabase(HikariDataSource pool, String url) {
    this.pool = pool;
    this.url = url;
  }

  /** Connects and creates the tables that are missing; one line naming the database when it cannot. */
  public static ClusterDatabase open(AppConfig.ClusterConfig config) {
    String url = config.database().orElseThrow(() -> new IllegalArgumentException("no cluster.database"));
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(url);
    config.user().ifPresent(hikari::setUsername);
    config.password().ifPresent(hikari::setPassword);
    hikari.setPoolName("cluster");
    // Quartz's scheduler thread, its cluster manager, one job thread, the lease heartbeat and status reads.
    hikari.setMaximumPoolSize(8);
    hikari.setMinimumIdle(1);
    hikari.setConnectionTimeout(10_000);
    hikari.setInitializationFailTimeout(10_000);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(hikari);
    } catch (RuntimeException e) {
      throw new ClusterException("cannot reach the cluster database " + url + ": " + rootMessage(e), e);
    }
    ClusterDatabase db = new ClusterDatabase(pool, url);
    try {
      db.createTables();
    } catch (SQLException | IOException | RuntimeException e) {
      pool.close();
      throw new ClusterException("cannot create the tables in the cluster database " + url + ": " + rootMessage(e), e);
    }
    return db;
  }

  private void createTables() throws SQLException, IOException {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK + ")");
        boolean quartz;
        try (ResultSet r = s.executeQuery("SELECT to_regclass('qrtz_locks') IS NOT NULL")) {
          r.next();
          quartz = r.getBoolean(1);
        }
        if (!quartz) {
          for (String statement : quartzStatements()) {
            s.execute(statement);
          }
          LOG.info("cluster database {}: created Quartz's tables", url);
        }
        for (String statement : OUR_TABLES.split(";")) {
          s.execute(statement);
        }
      }
      c.commit();
    }
  }

  /** Quartz's DDL for PostgreSQL as shipped, without comments, DROPs and its closing COMMIT. */
  static List<String> quartzStatements() throws IOException {
    String text;
    try (InputStream in = ClusterDatabase.class.getClassLoader().getResourceAsStream(QUARTZ_DDL)) {
      if (in == null) {
        throw new IOException("the Quartz jar has no " + QUARTZ_DDL);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    StringBuilder withoutComments = new StringBuilder();
    text.lines().filter(line -> !line.trim().startsWith("--")).forEach(line -> withoutComments.append(line).append('\n'));
    List<String> statements = new ArrayList<>();
    for (String statement : withoutComments.toString().split(";")) {
      String s = statement.strip();
      String head = s.toUpperCase(java.util.Locale.ROOT);
      if (!s.isEmpty() && !head.startsWith("DROP ") && !head.equals("COMMIT")) {
        statements.add(s);
      }
    }
    return statements;
  }

  public DataSource dataSource() {
    return pool;
  }

  public String url() {
    return url;
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  @Override
  public void close() {
    pool.close();
  }
}
