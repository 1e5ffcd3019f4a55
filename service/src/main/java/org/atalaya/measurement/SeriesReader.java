package org.atalaya.measurement;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.atalaya.indicator.Frequency;
import org.atalaya.indicator.IndicatorKind;
import org.atalaya.shared.PlainDecimals;

/**
 * Series of one sex and territory, each period's value the stored cell or a total rebuilt from its
 * parts ({@link Totals}), for one indicator or a whole plan at once. Reads the rollup of the parts
 * ({@link PartSums}), so that a plan's answer costs a handful of queries whatever its size.
 */
@Singleton
public class SeriesReader {
  private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
  private static final LocalDate LATEST = LocalDate.of(2200, 1, 1);

  private final PartSums partSums;
  private final SeriesQuery seriesQuery;
  private final PlaceSeriesQueries placeSums;

  SeriesReader(PartSums partSums, SeriesQuery seriesQuery, PlaceSeriesQueries placeSums) {
    this.partSums = partSums;
    this.seriesQuery = seriesQuery;
    this.placeSums = placeSums;
  }

  /** What a series is made of: the indicator's kind, rate base and unit decide how parts add up. */
  public record Ref(
      long indicatorId,
      long sourceId,
      IndicatorKind kind,
      @Nullable Integer rateBase,
      String unit,
      Frequency frequency) {

    BigDecimal scale() {
      if (kind == IndicatorKind.RATE) {
        return BigDecimal.valueOf(rateBase);
      }
      return unit.contains("%") ? BigDecimal.valueOf(100) : BigDecimal.ONE;
    }

    PartSums.Key key() {
      return new PartSums.Key(
          indicatorId, sourceId, kind == IndicatorKind.RATE ? scale() : null, frequency);
    }
  }

  /** Each series' points from {@code from} to {@code to} (either may be null: no bound). */
  public Map<Ref, List<MeasurementQueries.Point>> read(
      List<Ref> refs,
      String sex,
      long territoryId,
      @Nullable LocalDate from,
      @Nullable LocalDate to)
      throws SQLException {
    Map<Ref, List<MeasurementQueries.Point>> result = new HashMap<>();
    if (refs.isEmpty()) {
      return result;
    }
    int places = seriesQuery.children(territoryId);
    Map<PartSums.Key, List<SeriesQuery.Sums>> sums =
        partSums.sums(
            refs.stream().map(Ref::key).distinct().toList(),
            sex,
            territoryId,
            places,
            from == null ? EARLIEST : from,
            to == null ? LATEST : to);
    for (Ref ref : refs) {
      result.put(ref, points(ref, sums.get(ref.key()), places));
    }
    return result;
  }

  /**
   * One series at many places, each place's points as {@link #read} gives them for that place
   * alone: the places without places under them (a district's corregimientos) in two queries
   * whatever their number, any other place by {@link #read}.
   */
  public Map<Long, List<MeasurementQueries.Point>> readPlaces(
      Ref ref,
      String sex,
      List<Long> territoryIds,
      @Nullable LocalDate from,
      @Nullable LocalDate to)
      throws SQLException {
    Map<Long, List<MeasurementQueries.Point>> result = new HashMap<>();
    if (territoryIds.isEmpty()) {
      return result;
    }
    Map<Long, Integer> children = placeSums.children(territoryIds);
    List<Long> leaves = territoryIds.stream().filter(id -> !children.containsKey(id)).toList();
    if (!leaves.isEmpty()) {
      Map<Long, List<SeriesQuery.Sums>> sums =
          placeSums.own(
              ref.key(), sex, leaves, from == null ? EARLIEST : from, to == null ? LATEST : to);
      for (Long id : leaves) {
        result.put(id, points(ref, sums.get(id), 0));
      }
    }
    for (Long id : territoryIds) {
      if (children.containsKey(id)) {
        result.put(id, read(List.of(ref), sex, id, from, to).get(ref));
      }
    }
    return result;
  }

  static List<MeasurementQueries.Point> points(Ref ref, List<SeriesQuery.Sums> sums, int places) {
    var byPeriod = new TreeMap<LocalDate, List<SeriesQuery.Sums>>();
    for (SeriesQuery.Sums s : sums) {
      byPeriod.computeIfAbsent(s.period(), k -> new ArrayList<>()).add(s);
    }
    List<MeasurementQueries.Point> points = new ArrayList<>();
    byPeriod.forEach(
        (period, levels) -> {
          Totals.Choice c = Totals.choose(ref.kind(), ref.scale(), levels, places);
          SeriesQuery.Sums s = c.sums();
          points.add(
              new MeasurementQueries.Point(
                  ref.frequency().label(period),
                  period,
                  PlainDecimals.plain(c.value().orElse(null)),
                  PlainDecimals.plain(s.numerator()),
                  PlainDecimals.plain(s.denominator()),
                  c.basis(),
                  s.cells(),
                  s.validated()));
        });
    return points;
  }
}
