package org.atalaya.measurement;

import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.atalaya.database.NamedStatement;

/**
 * {@link PartSums}' levels 0 and 1 (a cell's own rows, its women and men) for one series at many
 * places in one query: a district's corregimientos, whose own rows are all there is to a
 * corregimiento without places of its own. A rate's missing fraction takes each place's census, as
 * there. Places that have places under them are not summed here ({@link #children}): their series
 * needs the rollup, and {@link SeriesReader} reads them one by one as before.
 */
@Singleton
class PlaceSeriesQueries {
  private final DataSource dataSource;

  PlaceSeriesQueries(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The own-rows query of {@link PartSums#OWN}, by place; named so that a test can read it. */
  static final String OWN =
      """
      WITH pop AS MATERIALIZED (
        SELECT p.territory_id, p.year, x.sex, sum(p.population)::numeric AS people
        FROM territory_population p CROSS JOIN LATERAL (VALUES (p.sex), ('_T')) x(sex)
        WHERE p.territory_id = ANY(:territories::bigint[])
        GROUP BY p.territory_id, p.year, x.sex),
      own AS (
        SELECT m.period_start, m.sex, m.territory_id, m.value, m.status,
               CASE WHEN m.sex = :sex THEN 0 ELSE 1 END AS level,
               COALESCE(m.numerator, m.value * pop.people / :rate_base) AS numerator,
               COALESCE(m.denominator, CASE WHEN :rate_base::numeric IS NOT NULL THEN pop.people END)
                 AS denominator
        FROM measurement m
        LEFT JOIN pop ON pop.territory_id = m.territory_id
                     AND pop.year = extract(year FROM m.period_start)::integer AND pop.sex = m.sex
        WHERE m.indicator_id = :indicator AND m.source_id = :source
          AND m.territory_id = ANY(:territories::bigint[]) AND m.age_group = '_T'
          AND m.period_start BETWEEN :from AND :to
          AND (m.sex = :sex OR (:sex = '_T' AND m.sex IN ('F', 'M', '_U'))))
      SELECT territory_id, period_start, level, sum(value) AS value, sum(numerator) AS numerator,
             sum(denominator) AS denominator, count(*) AS cells,
             count(*) FILTER (WHERE numerator IS NULL OR denominator IS NULL)
               AS cells_without_fraction,
             count(DISTINCT territory_id) AS places,
             count(DISTINCT territory_id) FILTER (WHERE sex = 'F') AS places_with_women,
             count(DISTINCT territory_id) FILTER (WHERE sex = 'M') AS places_with_men,
             bool_and(status = 'VALIDATED') AS validated
      FROM own GROUP BY territory_id, period_start, level
      ORDER BY territory_id, period_start, level
      """;

  /** Each place's sums by period and level, in order; a place without rows has an empty list. */
  @Connectable
  Map<Long, List<SeriesQuery.Sums>> own(
      PartSums.Key key, String sex, List<Long> territoryIds, LocalDate from, LocalDate to)
      throws SQLException {
    Map<Long, List<SeriesQuery.Sums>> result = new HashMap<>();
    territoryIds.forEach(id -> result.put(id, new ArrayList<>()));
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, OWN)) {
      s.setArray("territories", "bigint", territoryIds.toArray())
          .setString("sex", sex)
          .setObject("rate_base", key.rateBase(), Types.NUMERIC)
          .setLong("indicator", key.indicatorId())
          .setLong("source", key.sourceId())
          .setDate("from", from)
          .setDate("to", to);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          result.get(rs.getLong("territory_id")).add(SeriesQuery.Sums.of(rs));
        }
      }
    }
    return result;
  }

  /** How many places each place has under it (absent: none), in one query. */
  @Connectable
  Map<Long, Integer> children(List<Long> territoryIds) throws SQLException {
    Map<Long, Integer> result = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c,
                "SELECT parent_id, count(*) AS children FROM territory"
                    + " WHERE parent_id = ANY(:territories::bigint[]) GROUP BY parent_id")) {
      s.setArray("territories", "bigint", territoryIds.toArray());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          result.put(rs.getLong("parent_id"), rs.getInt("children"));
        }
      }
    }
    return result;
  }
}
