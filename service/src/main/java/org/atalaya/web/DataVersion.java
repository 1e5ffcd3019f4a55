package org.atalaya.web;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The version of the data the pages show: (epoch, number of committed writing transactions), from
 * {@code data_change} (V036). Read it before computing a page; the page then shows data at least as
 * new as the version, so a page stored under a version is never older than it says.
 */
@Singleton
class DataVersion {
  /** Above this many rows the table is emptied and the epoch moves on (keeps the count cheap). */
  static final long COMPACT_ABOVE = 2_000;

  private final DataSource dataSource;

  DataVersion(DataSource dataSource) {
    this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
  }

  /** The current version, as one number-pair text such as {@code "3:41"}. */
  String current() throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            c.prepareStatement(
                "SELECT (SELECT epoch FROM data_epoch), (SELECT count(*) FROM data_change)");
        var rs = s.executeQuery()) {
      rs.next();
      long epoch = rs.getLong(1);
      long count = rs.getLong(2);
      if (count > COMPACT_ABOVE) {
        compact(c);
      }
      return epoch + ":" + count;
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
