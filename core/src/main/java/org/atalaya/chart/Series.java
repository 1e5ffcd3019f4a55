package org.atalaya.chart;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.atalaya.indicator.Sex;

/**
 * A line of a time series. A series by sex is named by the sex (translated when drawn, and drawn in
 * that sex's colour in every chart); any other series carries its own label.
 */
public record Series(String label, Sex sex, List<ChartPoint> points, List<LocalDate> withheld) {
  public Series(String label, Sex sex, List<ChartPoint> points) {
    this(label, sex, points, List.of());
  }

  /**
   * @param withheld periods whose value is withheld (suprimido): a gap in the line, a word in the
   *     table, never a number
   */
  public Series {
    if ((label == null || label.isBlank()) == (sex == null)) {
      throw new IllegalArgumentException("a series has either a label or a sex");
    }
    points = sorted(points);
    withheld = withheld == null ? List.of() : withheld.stream().sorted().toList();
    if (points.isEmpty() && withheld.isEmpty()) {
      throw new IllegalArgumentException("a series needs at least one point");
    }
    for (ChartPoint p : points) {
      if (withheld.contains(p.period())) {
        throw new IllegalArgumentException("a withheld period has no point: " + p.period());
      }
    }
  }

  public static Series named(String label, List<ChartPoint> points) {
    return new Series(label, null, points);
  }

  public static Series of(Sex sex, List<ChartPoint> points) {
    return new Series(null, sex, points);
  }

  public static Series of(Sex sex, List<ChartPoint> points, List<LocalDate> withheld) {
    return new Series(null, sex, points, withheld);
  }

  /** The latest shown point, or null when every period is withheld. */
  ChartPoint latest() {
    return points.isEmpty() ? null : points.get(points.size() - 1);
  }

  static List<ChartPoint> sorted(List<ChartPoint> points) {
    List<ChartPoint> sorted =
        points.stream().sorted(Comparator.comparing(ChartPoint::period)).toList();
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).period().equals(sorted.get(i - 1).period())) {
        throw new IllegalArgumentException("two points for " + sorted.get(i).period());
      }
    }
    return sorted;
  }
}
