package org.atalaya.chart;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A projected trend with its prediction interval at the given level (0.9 for 90 %). */
public record ForecastBand(double level, List<BandPoint> points) {
  public ForecastBand {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be between 0 and 1");
    }
    points = points.stream().sorted(Comparator.comparing(BandPoint::period)).toList();
    if (points.isEmpty()) {
      throw new IllegalArgumentException("a forecast needs at least one point");
    }
  }

  public record BandPoint(LocalDate period, double lower, double mid, double upper) {
    public BandPoint {
      Objects.requireNonNull(period, "period");
      if (!(lower <= mid && mid <= upper) || !Double.isFinite(lower) || !Double.isFinite(upper)) {
        throw new IllegalArgumentException("a forecast point needs lower <= mid <= upper");
      }
    }
  }
}
