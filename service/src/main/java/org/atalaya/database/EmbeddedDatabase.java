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
  private final int port;
  private EmbeddedPostgres postgres;

  EmbeddedDatabase(
      @Value("${atalaya.database.embedded.data-dir:./data/postgres}") String dataDirectory,
      @Value("${atalaya.database.embedded.port:0}") int port) {
    this.dataDirectory = Path.of(dataDirectory).toAbsolutePath().normalize();
    this.port = port;
  }

  /** Starts the server once and returns the JDBC URL of the application database. */
  public synchronized String start() {
    if (postgres == null) {
      postgres = startServer(dataDirectory, port);
      createDatabaseIfMissing(postgres);
      LOG.info(
          "Embedded PostgreSQL started on port {} with data in {}",
          postgres.getPort(),
          dataDirectory);
    }
    return postgres.getJdbcUrl("postgres", DATABASE);
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
        var check = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      check.setString(1, DATABASE);
      if (!check.executeQuery().next()) {
        try (var create = c.createStatement()) {
          create.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create the database " + DATABASE, e);
    }
  }

  @PreDestroy
  synchronized void stop() throws IOException {
    if (postgres != null) {
      LOG.info("Stopping the embedded PostgreSQL");
      postgres.close();
      postgres = null;
    }
  }
}
