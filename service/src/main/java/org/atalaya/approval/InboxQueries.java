package org.atalaya.approval;

import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.atalaya.database.ColumnValues;
import org.atalaya.database.NamedStatement;

/**
 * What waits for the committee: every indicator period with a figure not yet validated, and for one
 * of them its figures beside the same cell's previous period, the same period a year before and the
 * cell's recent series (for the unusual-value flag). Read straight from the measurements: the
 * committee validates what was recorded, before the publication layer may show it.
 */
@Singleton
public class InboxQueries {
  /** How many periods of a cell's history the unusual-value flag reads: three years of months. */
  public static final int HISTORY_MONTHS = 36;

  private final DataSource dataSource;

  InboxQueries(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** One indicator period awaiting validation; {@code approvedAt} set when it was approved once. */
  public record Pending(
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
  public record Cell(
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
      SELECT i.id, i.code, i.name, i.frequency, m.period_start, count(*) AS cells,
             count(*) FILTER (WHERE m.status = 'PROVISIONAL') AS provisional,
             max(m.recorded_at) AS changed, a.approved_at
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
  public List<Pending> pending() throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, PENDING)) {
      return s.list(
          r ->
              new Pending(
                  r.getLong("id"),
                  r.getString("code"),
                  r.getString("name"),
                  r.getString("frequency"),
                  r.getDate("period_start").toLocalDate(),
                  r.getLong("cells"),
                  r.getLong("provisional"),
                  ColumnValues.instant(r, "changed"),
                  ColumnValues.instant(r, "approved_at")));
    }
  }

  /** For the menu: how many indicator periods wait for validation. */
  @io.micronaut.transaction.annotation.Transactional(readOnly = true)
  public long count() {
    String sql =
        "SELECT count(*) AS periods FROM (SELECT DISTINCT indicator_id, period_start"
            + " FROM measurement WHERE status = 'PROVISIONAL') p";
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, sql)) {
      return s.first(r -> r.getLong("periods")).orElse(0L);
    } catch (SQLException e) {
      throw new IllegalStateException("Counting the committee's inbox failed", e);
    }
  }

  private static final String CELLS =
      """
      SELECT s.code AS source, m.sex, t.code AS territory_code, t.name AS territory_name,
             m.age_group, m.value::float8 AS value, m.numerator::float8 AS numerator,
             m.denominator::float8 AS denominator, m.status = 'PROVISIONAL' AS provisional,
             p.value::float8 AS previous, y.value::float8 AS year_before,
             (SELECT array_agg(h.value::float8 ORDER BY h.period_start) FROM measurement h
               WHERE h.indicator_id = m.indicator_id AND h.source_id = m.source_id
                 AND h.sex = m.sex AND h.territory_id = m.territory_id
                 AND h.age_group = m.age_group AND h.period_start <= m.period_start
                 AND h.period_start > m.period_start - make_interval(months => :months))
               AS history
        FROM measurement m
        JOIN territory t ON t.id = m.territory_id
        JOIN indicator_source s ON s.id = m.source_id
        LEFT JOIN measurement p
          ON p.indicator_id = m.indicator_id AND p.source_id = m.source_id AND p.sex = m.sex
         AND p.territory_id = m.territory_id AND p.age_group = m.age_group AND p.period_start = :previous
        LEFT JOIN measurement y
          ON y.indicator_id = m.indicator_id AND y.source_id = m.source_id AND y.sex = m.sex
         AND y.territory_id = m.territory_id AND y.age_group = m.age_group AND y.period_start = :year_before
       WHERE m.indicator_id = :indicator AND m.period_start = :start
       ORDER BY s.code, t.parent_id NULLS FIRST, t.code, m.age_group,
                array_position(ARRAY['_T', 'F', 'M', '_U']::varchar[], m.sex)
      """;

  @io.micronaut.transaction.annotation.Transactional(readOnly = true)
  public List<Cell> cells(long indicator, LocalDate start, LocalDate previous, LocalDate yearBefore)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, CELLS)) {
      s.setInt("months", HISTORY_MONTHS).setDate("previous", previous);
      s.setDate("year_before", yearBefore).setLong("indicator", indicator).setDate("start", start);
      return s.list(
          r ->
              new Cell(
                  r.getString("source"),
                  r.getString("sex"),
                  r.getString("territory_code"),
                  r.getString("territory_name"),
                  r.getString("age_group"),
                  r.getDouble("value"),
                  ColumnValues.nullableDouble(r, "numerator"),
                  ColumnValues.nullableDouble(r, "denominator"),
                  r.getBoolean("provisional"),
                  ColumnValues.nullableDouble(r, "previous"),
                  ColumnValues.nullableDouble(r, "year_before"),
                  history(r.getArray("history"))));
    }
  }

  private static List<Double> history(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    return Arrays.asList((Double[]) array.getArray());
  }
}
