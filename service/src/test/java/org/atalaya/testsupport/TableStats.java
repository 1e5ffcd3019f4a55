package org.atalaya.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * What PostgreSQL itself counts of the calling transaction's work ({@code
 * pg_stat_xact_user_tables}), for tests that a path reads only what it needs; and the ids of an
 * indicator's official series.
 */
public final class TableStats {
  private TableStats() {}

  /** This transaction's scans of a table so far, sequential and by index. */
  public static long scans(DataSource dataSource, String table) throws SQLException {
    return stat(dataSource, table, "seq_scan + coalesce(idx_scan, 0)");
  }

  /** This transaction's sequential scans of a table so far. */
  public static long seqScans(DataSource dataSource, String table) throws SQLException {
    return stat(dataSource, table, "seq_scan");
  }

  /** This transaction's rows of a table read so far, by sequential scans and through indexes. */
  public static long rowsRead(DataSource dataSource, String table) throws SQLException {
    return stat(dataSource, table, "seq_tup_read + coalesce(idx_tup_fetch, 0)");
  }

  /** An indicator's id and its official source's id. */
  public static long[] officialSeries(DataSource dataSource, String code) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            c.prepareStatement(
                "SELECT i.id, s.id FROM indicator i JOIN indicator_source s"
                    + " ON s.indicator_id = i.id AND s.official WHERE i.code = ?")) {
      s.setString(1, code);
      try (var rs = s.executeQuery()) {
        rs.next();
        return new long[] {rs.getLong(1), rs.getLong(2)};
      }
    }
  }

  private static long stat(DataSource dataSource, String table, String expression)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            c.prepareStatement(
                "SELECT coalesce(sum("
                    + expression
                    + "), 0) FROM pg_stat_xact_user_tables WHERE relname = ?")) {
      s.setString(1, table);
      try (var rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
