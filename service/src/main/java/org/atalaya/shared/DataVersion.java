package org.atalaya.shared;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The version of the data the pages show: (epoch, number of committed writing transactions), from
 * {@code data_change} (V036). Read it before computing a page or an answer; what is computed then
 * shows data at least as new as the version, so a result stored under a version is never older than
 * it says. The public page cache and the progress cache key on it.
 */
@Singleton
public class DataVersion {
  /** Above this many rows the table is emptied and the epoch moves on (keeps the count cheap). */
  static final long COMPACT_ABOVE = 2_000;

  private final DataSource dataSource;

  DataVersion(DataSource dataSource) {
    this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
  }

  /** The current version, as one number-pair text such as {@code "3:41"}. */
  public String current() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      long[] version = read(c);
      if (version[1] > COMPACT_ABOVE) {
        compact(c);
        version = read(c);
      }
      return version[0] + ":" + version[1];
    }
  }

  private static long[] read(Connection c) throws SQLException {
    try (var s =
            c.prepareStatement(
                "SELECT (SELECT epoch FROM data_epoch), (SELECT count(*) FROM data_change)");
        var rs = s.executeQuery()) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2)};
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
