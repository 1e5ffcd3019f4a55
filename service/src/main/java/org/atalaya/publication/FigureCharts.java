package org.atalaya.publication;

import java.time.LocalDate;
import java.util.List;
import org.atalaya.chart.ChartPoint;
import org.atalaya.chart.Series;
import org.atalaya.chart.TerritoryBarChart;
import org.atalaya.indicator.Sex;

/**
 * Figures into the parts of a chart, for the site and the report alike: shown and provisional
 * values become points (provisional ones hollow), withheld periods gaps in the line and the word
 * "suprimido" in the table; periods without data are not drawn at all.
 */
public final class FigureCharts {
  private FigureCharts() {}

  public static List<ChartPoint> points(List<Figure> figures) {
    return figures.stream()
        .filter(f -> f.mark().hasValue())
        .map(f -> new ChartPoint(f.start(), f.value(), f.mark() == Mark.PROVISIONAL))
        .toList();
  }

  public static List<LocalDate> withheld(List<Figure> figures) {
    return figures.stream().filter(f -> f.mark() == Mark.WITHHELD).map(Figure::start).toList();
  }

  /** One sex's line, or null when there is nothing to draw or to mark. */
  public static Series series(Sex sex, List<Figure> figures) {
    List<ChartPoint> points = points(figures);
    List<LocalDate> withheld = withheld(figures);
    return points.isEmpty() && withheld.isEmpty() ? null : Series.of(sex, points, withheld);
  }

  /**
   * The line every place's bar is held to: the total's target for a rate or a proportion (the same
   * level applies to each part); none for a count, whose target does not split down.
   */
  public static Double placeTarget(
      org.atalaya.indicator.IndicatorKind kind, Publication.Cell total) {
    var target = total.progress().target();
    return kind.extensive() || target == null ? null : target.value();
  }

  /** A place's bar: its latest value, or a withheld bar; null when the place has no data. */
  public static TerritoryBarChart.Bar bar(String place, Publication.Cell cell) {
    return switch (cell.mark()) {
      case SHOWN, PROVISIONAL -> TerritoryBarChart.Bar.of(place, cell.latestValue());
      case WITHHELD -> TerritoryBarChart.Bar.suppressed(place);
      case NO_DATA -> null;
    };
  }
}
