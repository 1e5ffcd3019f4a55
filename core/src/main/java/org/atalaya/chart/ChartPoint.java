package org.atalaya.chart;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One value of a series at the start of its period; a provisional one (recorded, not yet validated)
 * is drawn hollow and marked in the chart's table.
 */
public record ChartPoint(LocalDate period, double value, boolean provisional) {
  public ChartPoint(LocalDate period, double value) {
    this(period, value, false);
  }

  public ChartPoint {
    Objects.requireNonNull(period, "period");
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value must be a finite number");
    }
  }
}
