package org.atalaya.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.atalaya.indicator.Sex;

/**
 * One or several series over time against the target trajectory (baseline, milestones, final
 * value), with the baseline marked and, when there is one, the forecast band.
 *
 * @param baseline the baseline value and its period, or null when the indicator has none
 * @param target the target trajectory, empty when the indicator has no target
 * @param forecast the projected trend and its interval, or null
 */
public record TimeSeriesChart(
    ChartMeta meta,
    List<Series> series,
    ChartPoint baseline,
    List<ChartPoint> target,
    ForecastBand forecast)
    implements ChartSpec {
  public TimeSeriesChart {
    Objects.requireNonNull(meta, "meta");
    series = List.copyOf(series);
    if (series.isEmpty()) {
      throw new IllegalArgumentException("a time series chart needs at least one series");
    }
    target = Series.sorted(target == null ? List.of() : target);
  }

  /** Women, men and total (whichever are given), in that order and in their own colours. */
  public static TimeSeriesChart bySex(
      ChartMeta meta,
      Map<Sex, List<ChartPoint>> bySex,
      ChartPoint baseline,
      List<ChartPoint> target,
      ForecastBand forecast) {
    List<Series> series = new ArrayList<>();
    for (Sex sex : List.of(Sex.F, Sex.M, Sex._U, Sex._T)) {
      List<ChartPoint> points = bySex.get(sex);
      if (points != null && !points.isEmpty()) {
        series.add(Series.of(sex, points));
      }
    }
    return new TimeSeriesChart(meta, series, baseline, target, forecast);
  }

  ChartPoint finalTarget() {
    return target.isEmpty() ? null : target.get(target.size() - 1);
  }
}
