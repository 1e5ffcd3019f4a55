package org.atalaya.measurement;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.atalaya.database.NamedStatement;

/**
 * The approval workflow's rules on the upload's staging table (see docs/approval.md): an upload
 * never validates (only a validator does, on the review page or the validation API), and a figure
 * of a period already published in a report changes only with a reason.
 */
final class PublishedGuard {
  private PublishedGuard() {}

  private static final String PUBLISHED_CHANGE =
      """
      FROM measurement_staging s
      LEFT JOIN measurement m ON m.indicator_id = s.indicator_id AND m.source_id = s.source_id
       AND m.period_start = s.period_start AND m.sex = s.sex
       AND m.territory_id = s.territory_id AND m.age_group = s.age_group
      WHERE EXISTS (SELECT 1 FROM published_period p
                    WHERE p.indicator_id = s.indicator_id AND p.period_start = s.period_start)
        AND (m.indicator_id IS NULL
             OR (m.value, m.numerator, m.denominator)
                IS DISTINCT FROM (s.value, s.numerator, s.denominator))""";

  /**
   * A status column saying VALIDATED is read as PROVISIONAL: validating is a separate act by
   * someone else. Given the first such row and how many there were (counted as they were staged),
   * returns the warning naming them.
   */
  static RowProblem provisionalOnly(Connection c, long firstRow, long count) throws SQLException {
    try (var s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE measurement_staging SET status = 'PROVISIONAL' WHERE status <> 'PROVISIONAL'");
    }
    return provisionalWarning(firstRow, count);
  }

  /** The warning alone, for rows stored as provisional already. */
  static RowProblem provisionalWarning(long firstRow, long count) {
    return RowProblem.of(
        firstRow, Columns.STATUS.spanish, "VALIDATED", "statusByValidation", count);
  }

  /** Every published period, as {@code indicatorId:periodStart}. */
  static java.util.Set<String> publishedPeriods(Connection c) throws SQLException {
    try (var s =
        NamedStatement.prepare(
            c, "SELECT DISTINCT indicator_id || ':' || period_start AS k FROM published_period")) {
      return new java.util.HashSet<>(s.list(rs -> rs.getString("k")));
    }
  }

  /** Whether any of these indicators has a published period: else no staged row can touch one. */
  static boolean anyPublished(Connection c, Long[] indicators) throws SQLException {
    try (var s =
        NamedStatement.prepare(
            c, "SELECT 1 FROM published_period WHERE indicator_id = ANY(:indicators) LIMIT 1")) {
      return s.setArray("indicators", "bigint", indicators).exists();
    }
  }

  /** Rows that would add or change a figure of a published period: refused without a reason. */
  static List<RowProblem> publishedWithoutReason(Connection c, int limit) throws SQLException {
    String query =
        "SELECT s.row_number, i.code, s.period_start::text AS period "
            + PUBLISHED_CHANGE.replace(
                "FROM measurement_staging s",
                "FROM measurement_staging s" + " JOIN indicator i ON i.id = s.indicator_id")
            + " ORDER BY s.row_number LIMIT :limit";
    try (var s = NamedStatement.prepare(c, query)) {
      return s.setInt("limit", limit)
          .list(
              rs ->
                  RowProblem.of(
                      rs.getLong("row_number"),
                      Columns.PERIOD.spanish,
                      rs.getString("period"),
                      "publishedCell",
                      rs.getString("code"),
                      rs.getString("period")));
    }
  }

  static long countPublished(Connection c) throws SQLException {
    try (var s = c.createStatement();
        var rs = s.executeQuery("SELECT count(*) AS n " + PUBLISHED_CHANGE)) {
      rs.next();
      return rs.getLong("n");
    }
  }

  static void dropPublished(Connection c) throws SQLException {
    try (var s = c.createStatement()) {
      s.executeUpdate(
          "DELETE FROM measurement_staging d WHERE d.row_number IN (SELECT s.row_number "
              + PUBLISHED_CHANGE
              + ")");
    }
  }
}
