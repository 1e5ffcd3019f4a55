package org.atalaya.measurement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.atalaya.database.NamedStatement;
import org.atalaya.indicator.Frequency;

/**
 * The same sums as {@link SeriesQuery}, for many series in one query: levels 0 and 1 (the cell and
 * its women and men) from the cell's own rows, levels 2 and 3 (its corregimientos) from {@code
 * measurement_rollup}, one row per period instead of one per corregimiento. A rate part stored
 * without numerator and denominator needs the census of its own corregimiento, which the rollup
 * does not keep: such a series is summed from the raw rows by {@link SeriesQuery}.
 *
 * <p>Level 3 (everyone from women, men and unknown) only counts where no lower level is complete,
 * so its rollup rows are read only for the periods that lack one: a plan whose corregimientos give
 * everyone's figure reads one rollup row per series and period, not three. A series' rollup rows
 * lie scattered over the table (each upload appends a period of every series), so every row read is
 * a page read.
 */
@Singleton
class PartSums {
  private final DataSource dataSource;
  private final SeriesQuery raw;

  PartSums(DataSource dataSource, SeriesQuery raw) {
    this.dataSource = dataSource;
    this.raw = raw;
  }

  /**
   * One series to sum: {@code rateBase} only for rates (it turns populations into numerators); the
   * frequency tells which days can start a period (no other day holds a figure).
   */
  record Key(long indicatorId, long sourceId, @Nullable BigDecimal rateBase, Frequency frequency) {}

  private static final String REQUEST =
      """
      WITH req AS (
        SELECT * FROM unnest(:indicators::bigint[], :sources::bigint[], :rate_bases::numeric[])
          AS r(indicator_id, source_id, rate_base))
      """;

  /**
   * Levels 0 and 1: the cell's own rows, a rate's missing fraction taken from the census of the
   * cell's territory, read once per query and joined by year and sex.
   */
  static final String OWN =
      REQUEST
          + """
          , pop AS MATERIALIZED (
            SELECT p.year, x.sex, sum(p.population)::numeric AS people
            FROM territory_population p CROSS JOIN LATERAL (VALUES (p.sex), ('_T')) x(sex)
            WHERE p.territory_id = :territory GROUP BY p.year, x.sex)
          , own AS (
            SELECT m.indicator_id, m.source_id, m.period_start, m.sex, m.territory_id, m.value,
                   m.status, CASE WHEN m.sex = :sex THEN 0 ELSE 1 END AS level,
                   COALESCE(m.numerator, m.value * pop.people / r.rate_base) AS numerator,
                   COALESCE(m.denominator, CASE WHEN r.rate_base IS NOT NULL THEN pop.people END)
                     AS denominator
            FROM req r JOIN measurement m ON m.indicator_id = r.indicator_id
                                         AND m.source_id = r.source_id
            LEFT JOIN pop ON pop.year = extract(year FROM m.period_start)::integer
                         AND pop.sex = m.sex
            WHERE m.territory_id = :territory AND m.age_group = '_T'
              AND m.period_start BETWEEN :from AND :to
              AND (m.sex = :sex OR (:sex = '_T' AND m.sex IN ('F', 'M', '_U'))))
          SELECT indicator_id, source_id, period_start, level, sum(value) AS value,
                 sum(numerator) AS numerator, sum(denominator) AS denominator, count(*) AS cells,
                 count(*) FILTER (WHERE numerator IS NULL OR denominator IS NULL)
                   AS cells_without_fraction,
                 count(DISTINCT territory_id) AS places,
                 count(DISTINCT territory_id) FILTER (WHERE sex = 'F') AS places_with_women,
                 count(DISTINCT territory_id) FILTER (WHERE sex = 'M') AS places_with_men,
                 bool_and(status = 'VALIDATED') AS validated
          FROM own GROUP BY indicator_id, source_id, period_start, level
          """;

  /** Level 2: the asked sex's rollup row of each period, the sum of the corregimientos. */
  private static final String ASKED =
      REQUEST
          + """
          SELECT u.indicator_id, u.source_id, u.period_start, u.sex, u.value, u.numerator,
                 u.denominator, u.cells, u.cells_without_fraction, u.validated
          FROM req r JOIN measurement_rollup u ON u.indicator_id = r.indicator_id
                                              AND u.source_id = r.source_id
          WHERE u.parent_id = :territory AND u.sex = :sex
            AND u.period_start BETWEEN :from AND :to
          """;

  /**
   * Level 3 for everyone: women's, men's and unknown's rollup rows in the given stretches of each
   * series (the periods no lower level completes), added up here rather than grouped by the server
   * (which measured slower).
   */
  private static final String BY_SEX =
      """
      WITH gap AS (
        SELECT * FROM unnest(:indicators::bigint[], :sources::bigint[], :froms::date[],
                             :tos::date[]) AS g(indicator_id, source_id, from_day, to_day))
      SELECT u.indicator_id, u.source_id, u.period_start, u.sex, u.value, u.numerator,
             u.denominator, u.cells, u.cells_without_fraction, u.validated
      FROM gap g JOIN measurement_rollup u ON u.indicator_id = g.indicator_id
                                          AND u.source_id = g.source_id
                                          AND u.period_start BETWEEN g.from_day AND g.to_day
      WHERE u.parent_id = :territory AND u.sex IN ('F', 'M', '_U')
      """;

  /**
   * One series. Its hash mixes the ids: a record's own (31 × indicator + source) puts a plan's
   * series, whose indicator and source ids run side by side, into a few buckets of a map, and every
   * row read looked its series up through a long collision chain.
   */
  private record Series(long indicatorId, long sourceId) {
    @Override
    public int hashCode() {
      return Long.hashCode((indicatorId * 0x9E3779B97F4A7C15L) ^ sourceId);
    }
  }

  /**
   * Each key's sums by period and level, in order, as {@link SeriesQuery#sums} gives them, except
   * level 3 where a lower level is complete ({@link Totals} never reaches it there). {@code
   * places}: the territory's corregimientos.
   */
  @Connectable
  Map<Key, List<SeriesQuery.Sums>> sums(
      List<Key> keys, String sex, long territoryId, int places, LocalDate from, LocalDate to)
      throws SQLException {
    Map<Series, Key> bySeries = new HashMap<>();
    keys.forEach(k -> bySeries.put(new Series(k.indicatorId(), k.sourceId()), k));
    Map<Key, List<SeriesQuery.Sums>> result = new HashMap<>();
    keys.forEach(k -> result.put(k, new ArrayList<>()));
    Map<Series, Map<LocalDate, RollupParts>> parts = new HashMap<>();
    try (Connection c = dataSource.getConnection()) {
      try (var s = NamedStatement.prepare(c, OWN)) {
        request(s, keys).setString("sex", sex).setLong("territory", territoryId);
        s.setDate("from", from).setDate("to", to);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            result.get(bySeries.get(series(rs))).add(SeriesQuery.Sums.of(rs));
          }
        }
      }
      try (var s = NamedStatement.prepare(c, ASKED)) {
        request(s, keys).setString("sex", sex).setLong("territory", territoryId);
        s.setDate("from", from).setDate("to", to);
        readParts(s, parts, sex);
      }
      if (sex.equals("_T")) {
        List<Gap> gaps = gaps(keys, result, parts, places, from, to);
        if (!gaps.isEmpty()) {
          try (var s = NamedStatement.prepare(c, BY_SEX)) {
            s.setArray(
                "indicators", "bigint", gaps.stream().map(g -> g.series().indicatorId()).toArray());
            s.setArray(
                "sources", "bigint", gaps.stream().map(g -> g.series().sourceId()).toArray());
            s.setArray(
                "froms", "date", gaps.stream().map(g -> java.sql.Date.valueOf(g.from())).toArray());
            s.setArray(
                "tos", "date", gaps.stream().map(g -> java.sql.Date.valueOf(g.to())).toArray());
            s.setLong("territory", territoryId);
            readParts(s, parts, sex);
          }
        }
      }
    }
    parts.forEach(
        (series, byPeriod) ->
            byPeriod.values().forEach(p -> result.get(bySeries.get(series)).addAll(p.levels())));
    for (Key k : keys) {
      List<SeriesQuery.Sums> sums = result.get(k);
      if (k.rateBase() != null && rebuiltFromCensus(sums)) {
        sums = raw.sums(k.indicatorId(), k.sourceId(), sex, territoryId, k.rateBase(), from, to);
      }
      result.put(k, sums.stream().sorted(ORDER).toList());
    }
    return result;
  }

  /** The stretches of each series that no complete level 0, 1 or 2 covers. */
  private static List<Gap> gaps(
      List<Key> keys,
      Map<Key, List<SeriesQuery.Sums>> own,
      Map<Series, Map<LocalDate, RollupParts>> parts,
      int places,
      LocalDate from,
      LocalDate to) {
    List<Gap> gaps = new ArrayList<>();
    for (Key k : keys) {
      Series series = new Series(k.indicatorId(), k.sourceId());
      var complete = new TreeSet<LocalDate>();
      own.get(k).stream()
          .filter(x -> Totals.complete(x, places))
          .forEach(x -> complete.add(x.period()));
      parts.getOrDefault(series, Map.of()).values().stream()
          .flatMap(p -> p.levels().stream())
          .filter(x -> Totals.complete(x, places))
          .forEach(x -> complete.add(x.period()));
      gaps(series, k.frequency(), complete, from, to, gaps);
    }
    return gaps;
  }

  /** A stretch of days, both included, of one series whose periods no lower level completes. */
  private record Gap(Series series, LocalDate from, LocalDate to) {}

  /**
   * The days from {@code from} to {@code to} outside the complete periods, left out where no period
   * of the series' frequency can start (between two consecutive complete periods).
   */
  private static void gaps(
      Series series,
      Frequency frequency,
      NavigableSet<LocalDate> complete,
      LocalDate from,
      LocalDate to,
      List<Gap> gaps) {
    LocalDate start = from;
    LocalDate previous = null;
    for (LocalDate period : complete) {
      boolean room = previous == null || frequency.next(previous).isBefore(period);
      if (room && start.isBefore(period)) {
        gaps.add(new Gap(series, start, period.minusDays(1)));
      }
      start = period.plusDays(1);
      previous = period;
    }
    if (!start.isAfter(to)) {
      gaps.add(new Gap(series, start, to));
    }
  }

  private static void readParts(
      NamedStatement s, Map<Series, Map<LocalDate, RollupParts>> parts, String sex)
      throws SQLException {
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        parts
            .computeIfAbsent(series(rs), k -> new HashMap<>())
            .computeIfAbsent(rs.getObject("period_start", LocalDate.class), RollupParts::new)
            .add(rs, sex);
      }
    }
  }

  private static final java.util.Comparator<SeriesQuery.Sums> ORDER =
      java.util.Comparator.comparing(SeriesQuery.Sums::period)
          .thenComparingInt(SeriesQuery.Sums::level);

  private static NamedStatement request(NamedStatement s, List<Key> keys) throws SQLException {
    return s.setArray("indicators", "bigint", keys.stream().map(Key::indicatorId).toArray())
        .setArray("sources", "bigint", keys.stream().map(Key::sourceId).toArray())
        .setArray("rate_bases", "numeric", keys.stream().map(Key::rateBase).toArray());
  }

  private static Series series(ResultSet rs) throws SQLException {
    return new Series(rs.getLong("indicator_id"), rs.getLong("source_id"));
  }

  /** Corregimiento rates stored without numerator or denominator: their census is needed. */
  private static boolean rebuiltFromCensus(List<SeriesQuery.Sums> sums) {
    return sums.stream().anyMatch(s -> s.level() >= 2 && s.cellsWithoutFraction() > 0);
  }
}
