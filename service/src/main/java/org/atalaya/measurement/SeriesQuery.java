package org.atalaya.measurement;

import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.atalaya.database.ColumnValues;
import org.atalaya.database.NamedStatement;

/**
 * The cells that can make up one period of a series, summed level by level: 0 the cell itself, 1
 * its women and men, 2 its corregimientos (same sex), 3 its corregimientos' women and men. {@link
 * Totals} then picks the first level that is complete. A rate part stored without its numerator and
 * denominator takes the population of its sex, territory and year (DESIGN): the census of the
 * territory and its corregimientos is read once per query and joined, not looked up row by row.
 */
@Singleton
class SeriesQuery {
  private final DataSource dataSource;

  SeriesQuery(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** One series' sums by period and level; named so that a test can read its plan. */
  static final String SUMS =
      """
      WITH places AS (
        SELECT id FROM territory WHERE id = :territory OR parent_id = :territory),
      pop AS MATERIALIZED (
        SELECT p.territory_id, p.year, x.sex, sum(p.population)::numeric AS people
        FROM territory_population p CROSS JOIN LATERAL (VALUES (p.sex), ('_T')) x(sex)
        WHERE p.territory_id IN (SELECT id FROM places)
        GROUP BY p.territory_id, p.year, x.sex),
      cells AS (
        SELECT m.period_start, m.sex, m.territory_id, m.value, m.status,
               CASE WHEN m.sex = :sex AND m.territory_id = :territory THEN 0
                    WHEN m.territory_id = :territory THEN 1
                    WHEN m.sex = :sex THEN 2 ELSE 3 END AS level,
               COALESCE(m.numerator, m.value * pop.people / :rate_base) AS numerator,
               COALESCE(m.denominator, CASE WHEN :rate_base::numeric IS NOT NULL THEN pop.people END)
                 AS denominator
        FROM measurement m JOIN territory t ON t.id = m.territory_id
        LEFT JOIN pop ON pop.territory_id = m.territory_id
                     AND pop.year = extract(year FROM m.period_start)::integer AND pop.sex = m.sex
        WHERE m.indicator_id = :indicator AND m.source_id = :source AND m.age_group = '_T'
          AND m.period_start BETWEEN :from AND :to
          AND (m.territory_id = :territory OR t.parent_id = :territory)
          AND (m.sex = :sex OR (:sex = '_T' AND m.sex IN ('F', 'M', '_U'))))
      SELECT period_start, level, sum(value) AS value, sum(numerator) AS numerator,
             sum(denominator) AS denominator, count(*) AS cells,
             count(*) FILTER (WHERE numerator IS NULL OR denominator IS NULL)
               AS cells_without_fraction,
             count(DISTINCT territory_id) AS places,
             count(DISTINCT territory_id) FILTER (WHERE sex = 'F') AS places_with_women,
             count(DISTINCT territory_id) FILTER (WHERE sex = 'M') AS places_with_men,
             bool_and(status = 'VALIDATED') AS validated
      FROM cells GROUP BY period_start, level ORDER BY period_start, level
      """;

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
      boolean validated) {
    /** A row of a sums query (own rows or raw rows), by its column names. */
    static Sums of(ResultSet rs) throws SQLException {
      return new Sums(
          ColumnValues.localDate(rs, "period_start"),
          rs.getInt("level"),
          rs.getBigDecimal("value"),
          rs.getBigDecimal("numerator"),
          rs.getBigDecimal("denominator"),
          rs.getInt("cells"),
          rs.getInt("cells_without_fraction"),
          rs.getInt("places"),
          rs.getInt("places_with_women"),
          rs.getInt("places_with_men"),
          rs.getBoolean("validated"));
    }
  }

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
    String query = SUMS;
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, query)) {
      return s.setString("sex", sex)
          .setLong("territory", territoryId)
          .setObject("rate_base", rateBase, Types.NUMERIC)
          .setLong("indicator", indicatorId)
          .setLong("source", sourceId)
          .setDate("from", from)
          .setDate("to", to)
          .list(Sums::of);
    }
  }

  @Connectable
  int children(long territoryId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c, "SELECT count(*) AS children FROM territory WHERE parent_id = :territory")) {
      return s.setLong("territory", territoryId).first(rs -> rs.getInt("children")).orElseThrow();
    }
  }
}
