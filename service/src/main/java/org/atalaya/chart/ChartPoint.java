package org.atalaya.chart;

import java.time.LocalDate;
import java.util.Objects;

/** One value of a series at the start of its period. */
public record ChartPoint(LocalDate period, double value) {
  public ChartPoint {
    Objects.requireNonNull(period, "period");
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value must be a finite number");
    }
  }
}
