package org.atalaya.measurement;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the checked rows of an upload go. While every row is a new cell (its indicator had no
 * stored cell when the upload began, its period is not published, no row repeats another) they are
 * copied straight into {@code measurement}, as PostgreSQL's own COPY would, and kept in a local
 * file beside. The first row that could be a revision or a refusal — and any error of that COPY,
 * such as a repeated cell — undoes that (back to a savepoint) and sends every row, those kept and
 * those to come, to the staging table, where the upload goes on as it always did.
 */
final class RowSink implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RowSink.class);
  private static final int BLOCK = 1 << 16;

  private final Connection connection;
  private final CopyManager copies;
  private final Set<Long> storedIndicators;
  private final Set<String> publishedPeriods;
  private final Map<Long, Long> parents;
  private final boolean trusted;
  private final String recordedBy;

  private CopyIn direct;
  private Savepoint savepoint;
  private Path kept;
  private OutputStream keptOut;
  private CopyIn staging;
  private final byte[] directBlock = new byte[BLOCK];
  private int directUsed;
  private final byte[] stagingBlock = new byte[BLOCK];
  private int stagingUsed;
  private long directRows;
  // What the parts-against-totals check needs, seen as the rows stream: whether a total of sexes
  // and a part of one are both there, and every territory the rows name.
  private boolean sexTotal;
  private boolean sexPart;
  private final Set<Long> territories = new HashSet<>();
  private long lastTerritory = Long.MIN_VALUE;

  /**
   * @param publishedPeriods {@code indicatorId:periodStart} of published periods whose new cells
   *     need a reason (empty when the upload gives one)
   * @param spoolDirectory where the rows copied straight in are kept; null: no direct copy
   */
  RowSink(
      Connection connection,
      Set<Long> storedIndicators,
      Set<String> publishedPeriods,
      Map<Long, Long> parents,
      boolean trusted,
      String user,
      Path spoolDirectory)
      throws SQLException {
    this.connection = connection;
    this.copies = connection.unwrap(PGConnection.class).getCopyAPI();
    this.storedIndicators = storedIndicators;
    this.publishedPeriods = publishedPeriods;
    this.parents = parents;
    this.trusted = trusted;
    this.recordedBy = '"' + user.replace("\"", "\"\"") + '"';
    if (spoolDirectory != null) {
      try {
        kept = Files.createTempFile(spoolDirectory, "atalaya-rows-", ".csv");
        keptOut = new BufferedOutputStream(Files.newOutputStream(kept), BLOCK);
      } catch (IOException e) {
        LOG.debug("No local file for the rows ({}): through the staging table", e.toString());
        kept = null;
      }
    }
    if (kept != null) {
      savepoint = connection.setSavepoint();
      direct =
          copies.copyIn(
              "COPY measurement (indicator_id, period_start, sex, territory_id, age_group,"
                  + " source_id, value, numerator, denominator, status, recorded_by)"
                  + " FROM STDIN (FORMAT csv)");
    } else {
      openStaging();
    }
  }

  void add(StagedRow row) throws SQLException, IOException {
    if (direct != null
        && (storedIndicators.contains(row.indicatorId())
            || (!publishedPeriods.isEmpty()
                && publishedPeriods.contains(row.indicatorId() + ":" + row.period())))) {
      toStaging();
    }
    see(row);
    String fields = row.fields();
    byte[] line = row.copyLine(fields).getBytes(StandardCharsets.UTF_8);
    if (direct == null) {
      stagingUsed = append(staging, stagingBlock, stagingUsed, line);
      return;
    }
    keptOut.write(line);
    String status = trusted ? row.status() : "PROVISIONAL";
    try {
      byte[] copied =
          StagedRow.measurementLine(fields, status, recordedBy).getBytes(StandardCharsets.UTF_8);
      directUsed = append(direct, directBlock, directUsed, copied);
    } catch (SQLException e) {
      LOG.debug("Straight copy given up: {}", e.getMessage()); // a repeated cell, most likely
      toStaging();
    }
  }

  /**
   * Ends the stream. Returns how many rows went straight into measurement, or -1 if they all are in
   * the staging table. With rows straight in, the staging table holds them too only when {@link
   * #totals()} (the parts-against-totals check reads it).
   */
  long finish() throws SQLException, IOException {
    if (direct != null) {
      try {
        flush(direct, directBlock, directUsed);
        directUsed = 0;
        directRows = direct.endCopy();
        connection.releaseSavepoint(savepoint);
      } catch (SQLException e) {
        LOG.debug("Straight copy given up: {}", e.getMessage());
        toStaging();
      }
    }
    if (direct != null) {
      direct = null;
      keptOut.close();
      if (totals()) {
        openStaging();
        replay();
        staging.endCopy();
      }
      return directRows;
    }
    flush(staging, stagingBlock, stagingUsed);
    stagingUsed = 0;
    staging.endCopy();
    return -1;
  }

  private void see(StagedRow row) {
    if (row.sex().equals("_T")) {
      sexTotal = true;
    } else {
      sexPart = true;
    }
    if (row.territoryId() != lastTerritory) {
      lastTerritory = row.territoryId();
      territories.add(lastTerritory);
    }
  }

  /**
   * Whether the rows hold a total and a part of it: a total of sexes beside women, men or not
   * stated, or a territory beside one of its parts (a district and a corregimiento of it). Without
   * both, the parts-against-totals check has nothing to compare and is not run.
   */
  boolean totals() {
    if (sexTotal && sexPart) {
      return true;
    }
    for (Long territory : territories) {
      Long parent = parents.get(territory);
      if (parent != null && territories.contains(parent)) {
        return true;
      }
    }
    return false;
  }

  /** Undoes the straight copy and goes on into the staging table, the rows kept first. */
  private void toStaging() throws SQLException, IOException {
    try {
      if (direct.isActive()) {
        direct.cancelCopy();
      }
    } catch (SQLException e) {
      LOG.debug("Cancelling the straight copy: {}", e.toString());
    }
    direct = null;
    connection.rollback(savepoint);
    keptOut.close();
    openStaging();
    replay();
  }

  private void replay() throws SQLException, IOException {
    try (InputStream in = Files.newInputStream(kept)) {
      byte[] block = new byte[BLOCK];
      for (int n; (n = in.read(block)) > 0; ) {
        staging.writeToCopy(block, 0, n);
      }
    }
  }

  private void openStaging() throws SQLException {
    staging = copies.copyIn("COPY measurement_staging FROM STDIN (FORMAT csv)");
  }

  /** Rows go to COPY in blocks of 64 KiB, not one message each. */
  private static int append(CopyIn copy, byte[] block, int used, byte[] line) throws SQLException {
    if (used + line.length > block.length) {
      flush(copy, block, used);
      used = 0;
    }
    System.arraycopy(line, 0, block, used, line.length);
    return used + line.length;
  }

  private static void flush(CopyIn copy, byte[] block, int used) throws SQLException {
    if (used > 0) {
      copy.writeToCopy(block, 0, used);
    }
  }

  @Override
  public void close() throws IOException {
    for (CopyIn copy : new CopyIn[] {direct, staging}) {
      try {
        if (copy != null && copy.isActive()) {
          copy.cancelCopy();
        }
      } catch (SQLException e) {
        LOG.debug("Cancelling a COPY: {}", e.toString());
      }
    }
    if (keptOut != null) {
      keptOut.close();
    }
    if (kept != null) {
      Files.deleteIfExists(kept);
    }
  }
}
