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

  private static final String REQUEST =
      """
      WITH req AS (
        SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::numeric[]) AS r(indicator_id, source_id,
                                                                        rate_base))
      """;

  /** Levels 0 and 1: the cell's own rows, a rate's missing fraction taken from the census. */
  private static final String OWN =
      REQUEST
          + """
          , own AS (
            SELECT m.indicator_id, m.source_id, m.period_start, m.sex, m.territory_id, m.value,
                   m.status, CASE WHEN m.sex = ? THEN 0 ELSE 1 END AS level,
                   COALESCE(m.numerator, m.value * atalaya_people(m.territory_id, m.period_start,
                                                                  m.sex) / r.rate_base) AS numerator,
                   COALESCE(m.denominator, CASE WHEN r.rate_base IS NOT NULL
                     THEN atalaya_people(m.territory_id, m.period_start, m.sex) END) AS denominator
            FROM req r JOIN measurement m ON m.indicator_id = r.indicator_id
                                         AND m.source_id = r.source_id
            WHERE m.territory_id = ? AND m.age_group = '_T' AND m.period_start BETWEEN ? AND ?
              AND (m.sex = ? OR (? = '_T' AND m.sex IN ('F', 'M', '_U'))))
          SELECT indicator_id, source_id, period_start, level, sum(value), sum(numerator),
                 sum(denominator), count(*),
                 count(*) FILTER (WHERE numerator IS NULL OR denominator IS NULL),
                 count(DISTINCT territory_id),
                 count(DISTINCT territory_id) FILTER (WHERE sex = 'F'),
                 count(DISTINCT territory_id) FILTER (WHERE sex = 'M'),
                 bool_and(status = 'VALIDATED')
          FROM own GROUP BY indicator_id, source_id, period_start, level
          """;

  /**
   * Levels 2 and 3: one rollup row per sex, added up here rather than grouped by the server (which
   * measured slower, as did skipping women's and men's rows where the asked row is complete).
   */
  private static final String PARTS =
      REQUEST
          + """
          SELECT u.indicator_id, u.source_id, u.period_start, u.sex, u.value, u.numerator,
                 u.denominator, u.cells, u.cells_without_fraction, u.validated
          FROM req r JOIN measurement_rollup u ON u.indicator_id = r.indicator_id
                                              AND u.source_id = r.source_id
          WHERE u.parent_id = ? AND u.period_start BETWEEN ? AND ?
            AND (u.sex = ? OR (? = '_T' AND u.sex IN ('F', 'M', '_U')))
          """;

  private record Series(long indicatorId, long sourceId) {}

  /** Each key's sums by period and level, in order, as {@link SeriesQuery#sums} gives them. */
  @Connectable
  Map<Key, List<SeriesQuery.Sums>> sums(
      List<Key> keys, String sex, long territoryId, LocalDate from, LocalDate to)
      throws SQLException {
    Map<Series, Key> bySeries = new HashMap<>();
    keys.forEach(k -> bySeries.put(new Series(k.indicatorId(), k.sourceId()), k));
    Map<Key, List<SeriesQuery.Sums>> result = new HashMap<>();
    keys.forEach(k -> result.put(k, new ArrayList<>()));
    try (Connection c = dataSource.getConnection()) {
      try (var s = c.prepareStatement(OWN)) {
        int i = request(c, s, keys);
        s.setString(i++, sex);
        s.setLong(i++, territoryId);
        s.setDate(i++, Date.valueOf(from));
        s.setDate(i++, Date.valueOf(to));
        s.setString(i++, sex);
        s.setString(i, sex);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            result.get(bySeries.get(new Series(rs.getLong(1), rs.getLong(2)))).add(own(rs));
          }
        }
      }
      Map<Series, Map<LocalDate, RollupParts>> parts = new HashMap<>();
      try (var s = c.prepareStatement(PARTS)) {
        int i = request(c, s, keys);
        s.setLong(i++, territoryId);
        s.setDate(i++, Date.valueOf(from));
        s.setDate(i++, Date.valueOf(to));
        s.setString(i++, sex);
        s.setString(i, sex);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            parts
                .computeIfAbsent(new Series(rs.getLong(1), rs.getLong(2)), k -> new HashMap<>())
                .computeIfAbsent(rs.getObject(3, LocalDate.class), RollupParts::new)
                .add(rs, sex);
          }
        }
      }
      parts.forEach(
          (series, byPeriod) ->
              byPeriod.values().forEach(p -> result.get(bySeries.get(series)).addAll(p.levels())));
    }
    for (Key k : keys) {
      List<SeriesQuery.Sums> sums = result.get(k);
      if (k.rateBase() != null && rebuiltFromCensus(sums)) {
        sums = raw.sums(k.indicatorId(), k.sourceId(), sex, territoryId, k.rateBase(), from, to);
      }
      result.put(k, sums.stream().sorted(ORDER).toList());
    }
    return result;
  }

  private static final java.util.Comparator<SeriesQuery.Sums> ORDER =
      java.util.Comparator.comparing(SeriesQuery.Sums::period)
          .thenComparingInt(SeriesQuery.Sums::level);

  private static int request(Connection c, java.sql.PreparedStatement s, List<Key> keys)
      throws SQLException {
    s.setArray(1, c.createArrayOf("bigint", keys.stream().map(Key::indicatorId).toArray()));
    s.setArray(2, c.createArrayOf("bigint", keys.stream().map(Key::sourceId).toArray()));
    s.setArray(3, c.createArrayOf("numeric", keys.stream().map(Key::rateBase).toArray()));
    return 4;
  }

  /** Corregimiento rates stored without numerator or denominator: their census is needed. */
  private static boolean rebuiltFromCensus(List<SeriesQuery.Sums> sums) {
    return sums.stream().anyMatch(s -> s.level() >= 2 && s.cellsWithoutFraction() > 0);
  }

  private static SeriesQuery.Sums own(ResultSet rs) throws SQLException {
    return new SeriesQuery.Sums(
        rs.getObject(3, LocalDate.class),
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
