package org.atalaya.chart;

import java.util.Comparator;
import java.util.List;
import org.atalaya.indicator.Sex;

/**
 * A line of a time series. A series by sex is named by the sex (translated when drawn, and drawn in
 * that sex's colour in every chart); any other series carries its own label.
 */
public record Series(String label, Sex sex, List<ChartPoint> points) {
  public Series {
    if ((label == null || label.isBlank()) == (sex == null)) {
      throw new IllegalArgumentException("a series has either a label or a sex");
    }
    points = sorted(points);
    if (points.isEmpty()) {
      throw new IllegalArgumentException("a series needs at least one point");
    }
  }

  public static Series named(String label, List<ChartPoint> points) {
    return new Series(label, null, points);
  }

  public static Series of(Sex sex, List<ChartPoint> points) {
    return new Series(null, sex, points);
  }

  ChartPoint latest() {
    return points.get(points.size() - 1);
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
