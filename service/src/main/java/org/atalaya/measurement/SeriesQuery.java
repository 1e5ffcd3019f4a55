package org.atalaya.measurement;

import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A cell's series, period by period. A stored value for the cell is used as it is; otherwise the
 * value is built from the most detailed parts available at one level — women and men of the same
 * place, or the corregimientos of the district, or both — never mixing levels.
 */
@Singleton
class SeriesQuery {
  private final DataSource dataSource;

  SeriesQuery(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** One period: sums of the cells at the chosen level. */
  record Sums(
      LocalDate period,
      int level,
      BigDecimal value,
      BigDecimal numerator,
      BigDecimal denominator,
      int cells,
      int cellsWithoutFraction,
      boolean validated) {}

  @Connectable
  List<Sums> sums(
      long indicatorId, long sourceId, String sex, long territoryId, LocalDate from, LocalDate to)
      throws SQLException {
    String query =
        """
        WITH cells AS (
          SELECT m.*, CASE WHEN m.sex = ? AND m.territory_id = ? THEN 0
                           WHEN m.territory_id = ? THEN 1
                           WHEN m.sex = ? THEN 2 ELSE 3 END AS level
          FROM measurement m JOIN territory t ON t.id = m.territory_id
          WHERE m.indicator_id = ? AND m.source_id = ? AND m.age_group = '_T'
            AND m.period_start BETWEEN ? AND ?
            AND (m.territory_id = ? OR t.parent_id = ?)
            AND (m.sex = ? OR (? = '_T' AND m.sex IN ('F', 'M', '_U')))),
        best AS (SELECT period_start, min(level) AS level FROM cells GROUP BY period_start)
        SELECT c.period_start, b.level, sum(c.value), sum(c.numerator), sum(c.denominator),
               count(*), count(*) FILTER (WHERE c.numerator IS NULL OR c.denominator IS NULL),
               bool_and(c.status = 'VALIDATED')
        FROM cells c JOIN best b ON b.period_start = c.period_start AND b.level = c.level
        GROUP BY c.period_start, b.level ORDER BY c.period_start
        """;
    List<Sums> result = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement(query)) {
      s.setString(1, sex);
      s.setLong(2, territoryId);
      s.setLong(3, territoryId);
      s.setString(4, sex);
      s.setLong(5, indicatorId);
      s.setLong(6, sourceId);
      s.setDate(7, Date.valueOf(from));
      s.setDate(8, Date.valueOf(to));
      s.setLong(9, territoryId);
      s.setLong(10, territoryId);
      s.setString(11, sex);
      s.setString(12, sex);
      try (var rs = s.executeQuery()) {
        while (rs.next()) {
          result.add(
              new Sums(
                  rs.getDate(1).toLocalDate(),
                  rs.getInt(2),
                  rs.getBigDecimal(3),
                  rs.getBigDecimal(4),
                  rs.getBigDecimal(5),
                  rs.getInt(6),
                  rs.getInt(7),
                  rs.getBoolean(8)));
        }
      }
    }
    return result;
  }
}
