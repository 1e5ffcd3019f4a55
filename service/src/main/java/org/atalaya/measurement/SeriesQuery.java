package org.atalaya.measurement;

import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The cells that can make up one period of a series, summed level by level: 0 the cell itself, 1
 * its women and men, 2 its corregimientos (same sex), 3 its corregimientos' women and men. {@link
 * Totals} then picks the first level that is complete. A rate part stored without its numerator and
 * denominator takes the population of its sex, territory and year (DESIGN).
 */
@Singleton
class SeriesQuery {
  private final DataSource dataSource;

  SeriesQuery(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  record Sums(
      LocalDate period,
      int level,
      BigDecimal value,
      BigDecimal numerator,
      BigDecimal denominator,
      int cells,
      int cellsWithoutFraction,
      int places,
      int placesWithWomen,
      int placesWithMen,
      boolean validated) {}

  @Connectable
  List<Sums> sums(
      long indicatorId,
      long sourceId,
      String sex,
      long territoryId,
      BigDecimal rateBase,
      LocalDate from,
      LocalDate to)
      throws SQLException {
    String query =
        """
        WITH cells AS (
          SELECT m.period_start, m.sex, m.territory_id, m.value, m.status,
                 CASE WHEN m.sex = ? AND m.territory_id = ? THEN 0
                      WHEN m.territory_id = ? THEN 1
                      WHEN m.sex = ? THEN 2 ELSE 3 END AS level,
                 COALESCE(m.numerator, m.value * pop.people / ?) AS numerator,
                 COALESCE(m.denominator, CASE WHEN ?::numeric IS NOT NULL THEN pop.people END)
                   AS denominator
          FROM measurement m JOIN territory t ON t.id = m.territory_id
          LEFT JOIN LATERAL (
            SELECT sum(p.population)::numeric AS people FROM territory_population p
            WHERE p.territory_id = m.territory_id
              AND p.year = extract(year FROM m.period_start)
              AND (p.sex = m.sex OR m.sex = '_T')) pop ON true
          WHERE m.indicator_id = ? AND m.source_id = ? AND m.age_group = '_T'
            AND m.period_start BETWEEN ? AND ?
            AND (m.territory_id = ? OR t.parent_id = ?)
            AND (m.sex = ? OR (? = '_T' AND m.sex IN ('F', 'M', '_U'))))
        SELECT period_start, level, sum(value), sum(numerator), sum(denominator), count(*),
               count(*) FILTER (WHERE numerator IS NULL OR denominator IS NULL),
               count(DISTINCT territory_id),
               count(DISTINCT territory_id) FILTER (WHERE sex = 'F'),
               count(DISTINCT territory_id) FILTER (WHERE sex = 'M'),
               bool_and(status = 'VALIDATED')
        FROM cells GROUP BY period_start, level ORDER BY period_start, level
        """;
    List<Sums> result = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement(query)) {
      int i = 1;
      s.setString(i++, sex);
      s.setLong(i++, territoryId);
      s.setLong(i++, territoryId);
      s.setString(i++, sex);
      s.setObject(i++, rateBase, Types.NUMERIC);
      s.setObject(i++, rateBase, Types.NUMERIC);
      s.setLong(i++, indicatorId);
      s.setLong(i++, sourceId);
      s.setDate(i++, Date.valueOf(from));
      s.setDate(i++, Date.valueOf(to));
      s.setLong(i++, territoryId);
      s.setLong(i++, territoryId);
      s.setString(i++, sex);
      s.setString(i, sex);
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
                  rs.getInt(8),
                  rs.getInt(9),
                  rs.getInt(10),
                  rs.getBoolean(11)));
        }
      }
    }
    return result;
  }

  @Connectable
  int children(long territoryId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement("SELECT count(*) FROM territory WHERE parent_id = ?")) {
      s.setLong(1, territoryId);
      try (var rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
