package org.atalaya.bench;

import static org.atalaya.bench.Bench.OUT;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The PostgreSQL server the startup benchmark runs before the rounds for its {@code external} mode;
 * each round gets a new database in it. Its start is not counted in any figure.
 */
final class ExternalServer {

  private final Path dataDir;
  private EmbeddedPostgres server;
  private String failure;

  ExternalServer(Path dataDir) {
    this.dataDir = dataDir;
  }

  void start() {
    try {
      long t0 = System.nanoTime();
      server = BenchPostgres.start(dataDir);
      OUT.printf(
          "External PostgreSQL started by the bench on port %d in %.2f s (not counted in any"
              + " figure below)%n",
          server.getPort(), Figures.seconds(System.nanoTime() - t0));
    } catch (Throwable e) {
      failure = "external PostgreSQL did not start: " + e;
      OUT.println(failure);
    }
  }

  void stop() {
    BenchPostgres.stop(server, "the external PostgreSQL");
  }

  boolean running() {
    return server != null;
  }

  /** Why it is not running. */
  String failure() {
    return failure;
  }

  int port() {
    return server.getPort();
  }

  /** A new, empty database for a round; its name. */
  String createDatabase(int round) throws SQLException {
    String name = "atalaya_bench_r" + round;
    BenchPostgres.dropDatabase(server, name);
    BenchPostgres.createDatabase(server, name);
    return name;
  }

  void dropDatabase(String name) {
    try {
      BenchPostgres.dropDatabase(server, name);
    } catch (Exception e) {
      OUT.println("  (could not drop " + name + ": " + e.getMessage() + ")");
    }
  }

  /** The RSS of the server and all its processes, in KiB. */
  long rssKb() {
    return PostgresProcesses.rssKb(PostgresProcesses.of(null, dataDir));
  }
}
