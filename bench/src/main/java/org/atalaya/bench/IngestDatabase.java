package org.atalaya.bench;

import static org.atalaya.bench.Bench.OUT;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;

/** The ingest benchmark's PostgreSQL server, and the one database both loads write to. */
final class IngestDatabase {

  static final String NAME = "atalaya_ingest";

  private final Path dataDir;
  private EmbeddedPostgres server;
  private DataSource dataSource;

  IngestDatabase(Path dataDir) {
    this.dataDir = dataDir;
  }

  /** Starts the server and creates the database; says so. */
  void start() throws Exception {
    long t0 = System.nanoTime();
    server = BenchPostgres.start(dataDir);
    BenchPostgres.createDatabase(server, NAME);
    dataSource = server.getDatabase("postgres", NAME);
    OUT.printf(
        "PostgreSQL (zonky, durable: fsync, synchronous_commit, full_page_writes on) started by"
            + " the bench on port %d in %.2f s; %s%n",
        server.getPort(), Figures.seconds(System.nanoTime() - t0), serverVersion());
  }

  void stop() {
    EmbeddedPostgres pg = server;
    server = null;
    BenchPostgres.stop(pg, "PostgreSQL");
  }

  int port() {
    return server.getPort();
  }

  DataSource dataSource() {
    return dataSource;
  }

  private String serverVersion() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW server_version")) {
      rs.next();
      return "PostgreSQL " + rs.getString(1);
    } catch (SQLException e) {
      return "version unknown";
    }
  }

  /**
   * CPU seconds used so far by the PostgreSQL server: the postmaster with its reaped children, plus
   * the live children (backends, checkpointer, WAL writer...). Clock ticks of 1/100 s.
   */
  double cpuSeconds() {
    try {
      long pm = BenchPostgres.postmasterPid(dataDir);
      long ticks = ProcFs.cpuTicks(pm, true);
      Optional<ProcessHandle> h = ProcessHandle.of(pm);
      if (h.isPresent()) {
        for (ProcessHandle child : (Iterable<ProcessHandle>) h.get().children()::iterator) {
          ticks += ProcFs.cpuTicks(child.pid(), false);
        }
      }
      return ticks / 100.0;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }
}
