package org.atalaya.web.review;

import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.atalaya.web.MenuCount;

/**
 * What waits for the committee: every indicator period with a figure not yet validated, and for one
 * of them its figures beside the same cell's previous period, the same period a year before and the
 * cell's recent series (for the unusual-value flag). Read straight from the measurements: the
 * committee validates what was recorded, before the publication layer may show it.
 */
@Singleton
class InboxStore implements MenuCount {
  /** How many periods of a cell's history the unusual-value flag reads: three years of months. */
  static final int HISTORY_MONTHS = 36;

  private final DataSource dataSource;

  InboxStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** One indicator period awaiting validation; {@code approvedAt} set when it was approved once. */
  record Pending(
      long indicatorId,
      String code,
      String name,
      String frequency,
      LocalDate start,
      long cells,
      long provisional,
      Instant changed,
      Instant approvedAt) {}

  /** One figure of the period, with the same cell's earlier values (oldest first, itself last). */
  record Cell(
      String source,
      String sex,
      String territoryCode,
      String territoryName,
      String ageGroup,
      double value,
      Double numerator,
      Double denominator,
      boolean provisional,
      Double previous,
      Double yearBefore,
      List<Double> history) {}

  private static final String PENDING =
      """
      SELECT i.id, i.code, i.name, i.frequency, m.period_start, count(*),
             count(*) FILTER (WHERE m.status = 'PROVISIONAL'), max(m.recorded_at), a.approved_at
        FROM measurement m
        JOIN indicator i ON i.id = m.indicator_id
        LEFT JOIN period_approval a
          ON a.indicator_id = m.indicator_id AND a.period_start = m.period_start
       WHERE EXISTS (SELECT 1 FROM measurement p WHERE p.status = 'PROVISIONAL'
                        AND p.indicator_id = m.indicator_id AND p.period_start = m.period_start)
       GROUP BY i.id, i.code, i.name, i.frequency, m.period_start, a.approved_at
       ORDER BY m.period_start DESC, i.code
      """;

  @io.micronaut.transaction.annotation.Transactional(readOnly = true)
  List<Pending> pending() throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement(PENDING);
        ResultSet r = s.executeQuery()) {
      List<Pending> out = new ArrayList<>();
      while (r.next()) {
        out.add(
            new Pending(
                r.getLong(1),
                r.getString(2),
                r.getString(3),
                r.getString(4),
                r.getDate(5).toLocalDate(),
                r.getLong(6),
                r.getLong(7),
                instant(r.getTimestamp(8)),
                instant(r.getTimestamp(9))));
      }
      return out;
    }
  }

  /** For the menu: how many indicator periods wait for validation. */
  @io.micronaut.transaction.annotation.Transactional(readOnly = true)
  @Override
  public long count() {
    String sql =
        "SELECT count(*) FROM (SELECT DISTINCT indicator_id, period_start FROM measurement"
            + " WHERE status = 'PROVISIONAL') p";
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement(sql);
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Counting the committee's inbox failed", e);
    }
  }

  private static final String CELLS =
      """
      SELECT s.code, m.sex, t.code, t.name, m.age_group, m.value::float8, m.numerator::float8,
             m.denominator::float8, m.status = 'PROVISIONAL', p.value::float8, y.value::float8,
             (SELECT array_agg(h.value::float8 ORDER BY h.period_start) FROM measurement h
               WHERE h.indicator_id = m.indicator_id AND h.source_id = m.source_id
                 AND h.sex = m.sex AND h.territory_id = m.territory_id
                 AND h.age_group = m.age_group AND h.period_start <= m.period_start
                 AND h.period_start > m.period_start - make_interval(months => ?))
        FROM measurement m
        JOIN territory t ON t.id = m.territory_id
        JOIN indicator_source s ON s.id = m.source_id
        LEFT JOIN measurement p
          ON p.indicator_id = m.indicator_id AND p.source_id = m.source_id AND p.sex = m.sex
         AND p.territory_id = m.territory_id AND p.age_group = m.age_group AND p.period_start = ?
        LEFT JOIN measurement y
          ON y.indicator_id = m.indicator_id AND y.source_id = m.source_id AND y.sex = m.sex
         AND y.territory_id = m.territory_id AND y.age_group = m.age_group AND y.period_start = ?
       WHERE m.indicator_id = ? AND m.period_start = ?
       ORDER BY s.code, t.parent_id NULLS FIRST, t.code, m.age_group,
                array_position(ARRAY['_T', 'F', 'M', '_U']::varchar[], m.sex)
      """;

  @io.micronaut.transaction.annotation.Transactional(readOnly = true)
  List<Cell> cells(long indicator, LocalDate start, LocalDate previous, LocalDate yearBefore)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement(CELLS)) {
      s.setInt(1, HISTORY_MONTHS);
      s.setDate(2, Date.valueOf(previous));
      s.setDate(3, Date.valueOf(yearBefore));
      s.setLong(4, indicator);
      s.setDate(5, Date.valueOf(start));
      List<Cell> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(
              new Cell(
                  r.getString(1),
                  r.getString(2),
                  r.getString(3),
                  r.getString(4),
                  r.getString(5),
                  r.getDouble(6),
                  number(r, 7),
                  number(r, 8),
                  r.getBoolean(9),
                  number(r, 10),
                  number(r, 11),
                  history(r.getArray(12))));
        }
      }
      return out;
    }
  }

  private static Double number(ResultSet r, int column) throws SQLException {
    double v = r.getDouble(column);
    return r.wasNull() ? null : v;
  }

  private static List<Double> history(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    return Arrays.asList((Double[]) array.getArray());
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
