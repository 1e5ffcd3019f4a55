package org.atalaya.bench;

import static org.atalaya.bench.Figures.seconds;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * One load with PostgreSQL's COPY straight into the table, from the start of the transfer to COPY's
 * commit.
 */
final class CopyLoad {

  private static final String COPY_SQL =
      "COPY measurement (indicator_id, period_start, sex, territory_id, age_group, source_id,"
          + " value, recorded_by) FROM STDIN (FORMAT csv)";

  private final IngestService service;
  private final IngestDatabase database;
  private final long rows;
  private final Path file;

  CopyLoad(IngestService service, IngestDatabase database, long rows, Path file) {
    this.service = service;
    this.database = database;
    this.rows = rows;
    this.file = file;
  }

  LoadResult run(int round, int position) throws Exception {
    double cpu0 = ProcFs.cpuSeconds(service.process());
    try (Connection c = database.dataSource().getConnection()) {
      // The connection is opened first, as the service's pool has its connections open too.
      c.setAutoCommit(true);
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      double pg0 = database.cpuSeconds();
      long t0 = System.nanoTime();
      long n;
      try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
        n = copy.copyIn(COPY_SQL, in, 1 << 16);
      }
      long t1 = System.nanoTime();
      double pg = database.cpuSeconds() - pg0;
      double cpu = ProcFs.cpuSeconds(service.process()) - cpu0;
      String failure = n != rows ? "COPY loaded " + n + " rows" : null;
      return new LoadResult(
          LoadMethod.COPY,
          round,
          position,
          failure,
          seconds(t1 - t0),
          failure == null ? n : 0,
          cpu,
          pg,
          String.format("COPY %d", n),
          UploadMemory.NONE,
          List.of(),
          "");
    }
  }
}
