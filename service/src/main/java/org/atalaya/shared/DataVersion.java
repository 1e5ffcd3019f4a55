package org.atalaya.shared;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The version of the data the pages show: (epoch, number of committed writing transactions), from
 * {@code data_change} (V036), and on TimescaleDB the number of refreshes its policy has run. Read
 * it before computing a page or an answer; what is computed then shows data at least as new as the
 * version, so a result stored under a version is never older than it says. The public page cache
 * and the progress cache key on it.
 */
@Singleton
public class DataVersion {
  /** Above this many rows the table is emptied and the epoch moves on (keeps the count cheap). */
  static final long COMPACT_ABOVE = 2_000;

  /**
   * Successful runs of TimescaleDB's refresh policy for the continuous aggregates. A refresh
   * rewrites what the pages read (measurement_rollup) without a write of ours: a page computed
   * while a bucket was invalidated but not yet refreshed would otherwise stay cached after it is.
   */
  private static final String REFRESHES =
      """
      SELECT coalesce(sum(s.total_successes), 0) AS refreshes
      FROM timescaledb_information.job_stats s
      JOIN timescaledb_information.jobs j ON j.job_id = s.job_id
      WHERE j.proc_name = 'policy_refresh_continuous_aggregate'
      """;

  private final DataSource dataSource;
  private volatile Boolean continuousAggregates;

  DataVersion(DataSource dataSource) {
    this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
  }

  /**
   * Moves the version on for a change the writing transactions did not count (a refresh of a
   * continuous aggregate), on the caller's connection.
   */
  public static void moveOn(Connection c) throws SQLException {
    try (var s = c.createStatement()) {
      s.execute(
          "INSERT INTO data_change (txid) VALUES (txid_current()) ON CONFLICT (txid) DO NOTHING");
    }
  }

  /** The current version, as one number-pair text such as {@code "3:41"}. */
  public String current() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return current(c);
    }
  }

  /**
   * The version as the server behind this connection has it (a read replica's may be behind the
   * primary's); compacted only where the connection may write.
   */
  public String current(Connection c) throws SQLException {
    long[] version = read(c);
    // A read replica cannot write: the primary compacts, and the replica follows.
    if (version[1] > COMPACT_ABOVE && !c.isReadOnly()) {
      compact(c);
      version = read(c);
    }
    String text = version[0] + ":" + version[1];
    return continuousAggregates(c) ? text + ":" + refreshes(c) : text;
  }

  /**
   * Whether version {@code a} is older than {@code b}: the epoch first, then the changes counted in
   * it, then the refreshes. Two versions that cannot be compared are taken as "older" unless equal,
   * so that a caller computes afresh rather than trust an answer it cannot place.
   */
  public static boolean older(String a, String b) {
    if (a.equals(b)) {
      return false;
    }
    String[] x = a.split(":");
    String[] y = b.split(":");
    if (x.length != y.length) {
      return true;
    }
    try {
      for (int i = 0; i < x.length; i++) {
        int c = Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
        if (c != 0) {
          return c < 0;
        }
      }
    } catch (NumberFormatException e) {
      return true;
    }
    return false;
  }

  private boolean continuousAggregates(Connection c) throws SQLException {
    if (continuousAggregates == null) {
      try (var s =
              c.prepareStatement(
                  "SELECT to_regclass('timescaledb_information.continuous_aggregates') IS NOT NULL"
                      + " AND EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb')"
                      + " AS enabled");
          var rs = s.executeQuery()) {
        continuousAggregates = rs.next() && rs.getBoolean("enabled");
      }
    }
    return continuousAggregates;
  }

  private static long refreshes(Connection c) throws SQLException {
    try (var s = c.prepareStatement(REFRESHES);
        var rs = s.executeQuery()) {
      return rs.next() ? rs.getLong("refreshes") : 0;
    }
  }

  private static long[] read(Connection c) throws SQLException {
    try (var s =
            c.prepareStatement(
                "SELECT (SELECT epoch FROM data_epoch) AS epoch,"
                    + " (SELECT count(*) FROM data_change) AS changes");
        var rs = s.executeQuery()) {
      rs.next();
      return new long[] {rs.getLong("epoch"), rs.getLong("changes")};
    }
  }

  /**
   * Empties the table and moves the epoch on in one transaction. A transaction that has written but
   * not committed keeps its row (this delete cannot see it), so it still counts once it commits.
   */
  private static void compact(Connection c) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (var s = c.createStatement()) {
      s.execute("DELETE FROM data_change");
      s.execute("UPDATE data_epoch SET epoch = epoch + 1");
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
  }
}
