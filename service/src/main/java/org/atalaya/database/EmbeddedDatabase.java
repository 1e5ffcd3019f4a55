package org.atalaya.database;

import io.micronaut.context.annotation.Value;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL started from the JVM when no external datasource is configured. Its data
 * directory persists across restarts, so a newcomer keeps what they entered.
 */
@Singleton
public class EmbeddedDatabase {
  public static final String DATABASE = "atalaya";
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final Path dataDirectory;
  private int port;
  private EmbeddedPostgres postgres;
  private long postmasterPid;

  EmbeddedDatabase(
      @Value("${atalaya.database.embedded.data-dir:./data/postgres}") String dataDirectory,
      @Value("${atalaya.database.embedded.port:0}") int port) {
    this.dataDirectory = Path.of(dataDirectory).toAbsolutePath().normalize();
    this.port = port;
  }

  /** Starts the server once and returns the JDBC URL of the application database. */
  public synchronized String start() {
    if (postgres == null) {
      StalePostmaster.clear(dataDirectory);
      postgres = startServer(dataDirectory, port);
      // The pool's URL names this port: a restart must come back on it.
      port = postgres.getPort();
      postmasterPid = StalePostmaster.pid(dataDirectory).orElse(0L);
      createDatabaseIfMissing(postgres);
      LOG.info(
          "Embedded PostgreSQL started on port {} (PID {}) with data in {}",
          port,
          postmasterPid,
          dataDirectory);
    }
    return postgres.getJdbcUrl("postgres", DATABASE);
  }

  /** Whether the server this service started has died under it (not stopped by the service). */
  synchronized boolean died() {
    return postgres != null
        && postmasterPid != 0
        && ProcessHandle.of(postmasterPid).map(p -> !p.isAlive()).orElse(true);
  }

  /** The server's processes now, for waiting on them should the server die. */
  synchronized List<ProcessHandle> processes() {
    if (postgres == null || postmasterPid == 0) {
      return List.of();
    }
    return ProcessHandle.of(postmasterPid)
        .map(p -> Stream.concat(Stream.of(p), p.children()).toList())
        .orElse(List.of());
  }

  /**
   * Starts the server again on the same port and directory after it died under the service. Its
   * former processes must be gone first: a backend still attached to the old shared memory makes
   * PostgreSQL refuse to start.
   */
  synchronized void restart(List<ProcessHandle> formerProcesses) {
    try {
      postgres.close(); // releases zonky's lock on the directory; pg_ctl stop finds nothing to stop
    } catch (IOException e) {
      LOG.debug("Closing the dead server: {}", e.toString());
    }
    for (ProcessHandle p : formerProcesses) {
      p.onExit().completeOnTimeout(p, 10, TimeUnit.SECONDS).join();
    }
    StalePostmaster.clear(dataDirectory);
    postgres = startServer(dataDirectory, port);
    postmasterPid = StalePostmaster.pid(dataDirectory).orElse(0L);
    LOG.info("Embedded PostgreSQL restarted on port {} (PID {})", port, postmasterPid);
  }

  /** Where the server keeps its files; the backup copies them while it runs. */
  public Path dataDirectory() {
    return dataDirectory;
  }

  public synchronized boolean isRunning() {
    return postgres != null;
  }

  public static EmbeddedPostgres startServer(Path dataDirectory, int port) {
    try {
      Files.createDirectories(dataDirectory);
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setRegisterShutdownHook(false)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setLocaleConfig("locale", "C.UTF-8")
              .setServerConfig("max_connections", "100")
              // zonky turns durability off for throwaway test databases; this one keeps real data.
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on");
      if (port > 0) {
        builder.setPort(port);
      }
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not start the embedded PostgreSQL in " + dataDirectory, e);
    }
  }

  static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        var check =
            NamedStatement.prepare(c, "SELECT 1 FROM pg_database WHERE datname = :database")) {
      if (!check.setString("database", DATABASE).exists()) {
        try (var create = c.createStatement()) {
          create.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create the database " + DATABASE, e);
    }
  }

  /** At shutdown, and after a start that failed once the server was up. */
  @PreDestroy
  public synchronized void stop() throws IOException {
    if (postgres != null) {
      LOG.info("Stopping the embedded PostgreSQL");
      postgres.close();
      postgres = null;
    }
  }
}
