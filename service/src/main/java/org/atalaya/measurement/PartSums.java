package org.atalaya.measurement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The same sums as {@link SeriesQuery}, for many series in one query: levels 0 and 1 (the cell and
 * its women and men) from the cell's own rows, levels 2 and 3 (its corregimientos) from {@code
 * measurement_rollup}, one row per period instead of one per corregimiento. A rate part stored
 * without numerator and denominator needs the census of its own corregimiento, which the rollup
 * does not keep: such a series is summed from the raw rows by {@link SeriesQuery}.
 */
@Singleton
class PartSums {
  private final DataSource dataSource;
  private final SeriesQuery raw;

  PartSums(DataSource dataSource, SeriesQuery raw) {
    this.dataSource = dataSource;
    this.raw = raw;
  }

  /** One series to sum: {@code rateBase} only for rates (it turns populations into numerators). */
  record Key(long indicatorId, long sourceId, @Nullable BigDecimal rateBase) {}

  private static final String QUERY =
      """
      WITH req AS (
        SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::numeric[]) AS r(indicator_id, source_id,
                                                                        rate_base)),
      own AS (
        SELECT m.indicator_id, m.source_id, m.period_start, m.sex, m.territory_id, m.value, m.status,
               CASE WHEN m.sex = ? THEN 0 ELSE 1 END AS level,
               COALESCE(m.numerator, m.value * atalaya_people(m.territory_id, m.period_start, m.sex)
                                       / r.rate_base) AS numerator,
               COALESCE(m.denominator, CASE WHEN r.rate_base IS NOT NULL
                 THEN atalaya_people(m.territory_id, m.period_start, m.sex) END) AS denominator
        FROM req r JOIN measurement m ON m.indicator_id = r.indicator_id
                                     AND m.source_id = r.source_id
        WHERE m.territory_id = ? AND m.age_group = '_T' AND m.period_start BETWEEN ? AND ?
          AND (m.sex = ? OR (? = '_T' AND m.sex IN ('F', 'M', '_U'))))
      SELECT indicator_id, source_id, period_start, level, sum(value), sum(numerator), sum(denominator),
             count(*), count(*) FILTER (WHERE numerator IS NULL OR denominator IS NULL),
             count(DISTINCT territory_id),
             count(DISTINCT territory_id) FILTER (WHERE sex = 'F'),
             count(DISTINCT territory_id) FILTER (WHERE sex = 'M'),
             bool_and(status = 'VALIDATED')
      FROM own GROUP BY indicator_id, source_id, period_start, level
      UNION ALL
      SELECT indicator_id, source_id, period_start, level, sum(value), sum(numerator),
             sum(denominator), sum(cells), sum(cells_without_fraction),
             -- one row per corregimiento and sex: a sex's cells are its places
             coalesce(max(cells) FILTER (WHERE level = 2), max(cells)),
             coalesce(sum(cells) FILTER (WHERE sex = 'F'), 0),
             coalesce(sum(cells) FILTER (WHERE sex = 'M'), 0),
             bool_and(validated)
      FROM (SELECT u.*, CASE WHEN u.sex = ? THEN 2 ELSE 3 END AS level
            FROM req r JOIN measurement_rollup u ON u.indicator_id = r.indicator_id
                                                AND u.source_id = r.source_id
            WHERE u.parent_id = ? AND u.period_start BETWEEN ? AND ?
              AND (u.sex = ? OR (? = '_T' AND u.sex IN ('F', 'M', '_U')))) parts
      GROUP BY indicator_id, source_id, period_start, level
      ORDER BY 1, 2, 3, 4
      """;

  /** Each key's sums by period and level, in order, as {@link SeriesQuery#sums} gives them. */
  @Connectable
  Map<Key, List<SeriesQuery.Sums>> sums(
      List<Key> keys, String sex, long territoryId, LocalDate from, LocalDate to)
      throws SQLException {
    record Series(long indicatorId, long sourceId) {}
    Map<Series, Key> bySeries = new HashMap<>();
    keys.forEach(k -> bySeries.put(new Series(k.indicatorId(), k.sourceId()), k));
    Map<Key, List<SeriesQuery.Sums>> result = new HashMap<>();
    keys.forEach(k -> result.put(k, new ArrayList<>()));
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement(QUERY)) {
      int i = 1;
      s.setArray(i++, c.createArrayOf("bigint", keys.stream().map(Key::indicatorId).toArray()));
      s.setArray(i++, c.createArrayOf("bigint", keys.stream().map(Key::sourceId).toArray()));
      s.setArray(i++, c.createArrayOf("numeric", keys.stream().map(Key::rateBase).toArray()));
      s.setString(i++, sex);
      s.setLong(i++, territoryId);
      s.setDate(i++, Date.valueOf(from));
      s.setDate(i++, Date.valueOf(to));
      s.setString(i++, sex);
      s.setString(i++, sex);
      s.setString(i++, sex);
      s.setLong(i++, territoryId);
      s.setDate(i++, Date.valueOf(from));
      s.setDate(i++, Date.valueOf(to));
      s.setString(i++, sex);
      s.setString(i, sex);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          result.get(bySeries.get(new Series(rs.getLong(1), rs.getLong(2)))).add(sums(rs));
        }
      }
    }
    for (Key k : keys) {
      if (k.rateBase() != null && rebuiltFromCensus(result.get(k))) {
        result.put(
            k, raw.sums(k.indicatorId(), k.sourceId(), sex, territoryId, k.rateBase(), from, to));
      }
    }
    return result;
  }

  /** Corregimiento rates stored without numerator or denominator: their census is needed. */
  private static boolean rebuiltFromCensus(List<SeriesQuery.Sums> sums) {
    return sums.stream().anyMatch(s -> s.level() >= 2 && s.cellsWithoutFraction() > 0);
  }

  private static SeriesQuery.Sums sums(ResultSet rs) throws SQLException {
    return new SeriesQuery.Sums(
        rs.getDate(3).toLocalDate(),
        rs.getInt(4),
        rs.getBigDecimal(5),
        rs.getBigDecimal(6),
        rs.getBigDecimal(7),
        rs.getInt(8),
        rs.getInt(9),
        rs.getInt(10),
        rs.getInt(11),
        rs.getInt(12),
        rs.getBoolean(13));
  }
}
