package org.atalaya.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The {@code measurement} table both loads write to: emptied before each, checked after it. */
final class MeasurementTable {

  private final DataSource database;

  MeasurementTable(DataSource database) {
    this.database = database;
  }

  /**
   * Same starting point for every load, not timed: no statement left running, an empty table as the
   * planner sees a new one (never analyzed), and a fresh checkpoint. The ANALYZE before the
   * TRUNCATE zeroes the table's count of changes, so autovacuum has no reason to analyze the
   * emptied table while a load runs; an analyzed empty table makes the planner pick other plans.
   * Returns a note, empty when all went as planned.
   */
  String prepare(boolean analyzeEmpty) throws SQLException, InterruptedException {
    List<String> notes = new ArrayList<>();
    try (Connection c = database.getConnection();
        Statement s = c.createStatement()) {
      // A failed upload's transaction may still be running in the server: stop it first.
      String others =
          " FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
              + " AND backend_type = 'client backend' AND state <> 'idle'";
      int cancelled = 0;
      try (ResultSet rs = s.executeQuery("SELECT count(pg_cancel_backend(pid))" + others)) {
        rs.next();
        cancelled = rs.getInt(1);
      }
      if (cancelled > 0) {
        notes.add("cancelled " + cancelled + " statement(s) still running before the load");
        Thread.sleep(2000);
        try (ResultSet rs = s.executeQuery("SELECT count(pg_terminate_backend(pid))" + others)) {
          rs.next();
        }
      }
      s.execute("SET lock_timeout = '60s'");
      s.execute("ANALYZE measurement, measurement_revision");
      s.execute("TRUNCATE measurement, measurement_revision");
      if (analyzeEmpty) {
        s.execute("ANALYZE measurement, measurement_revision");
        notes.add("empty table analyzed (--analyze-empty)");
      }
      s.execute("CHECKPOINT");
      try (ResultSet rs =
          s.executeQuery("SELECT reltuples FROM pg_class WHERE oid = 'measurement'::regclass")) {
        rs.next();
        double reltuples = rs.getDouble(1);
        if (!analyzeEmpty && reltuples >= 0) {
          notes.add("planner statistics: reltuples " + reltuples + " after TRUNCATE");
        }
      }
    }
    return String.join("; ", notes);
  }

  /** How many times autovacuum has vacuumed or analyzed the measurement table so far. */
  long autovacuumRuns() {
    try (Connection c = database.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT autovacuum_count + autoanalyze_count FROM pg_stat_user_tables"
                    + " WHERE relid = 'measurement'::regclass")) {
      return rs.next() ? rs.getLong(1) : -1;
    } catch (SQLException e) {
      return -1;
    }
  }

  /** Null when the table holds exactly the generated rows. */
  String verify(long rows, long valueSum) throws SQLException {
    try (Connection c = database.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT count(*), coalesce(sum(value), 0)::bigint FROM measurement")) {
      rs.next();
      long count = rs.getLong(1);
      long sum = rs.getLong(2);
      if (count != rows || sum != valueSum) {
        return String.format(
            "the table holds %,d rows with value sum %,d; expected %,d rows, sum %,d",
            count, sum, rows, valueSum);
      }
      return null;
    }
  }
}
