package org.atalaya.chart;

import java.util.List;
import java.util.Objects;
import org.atalaya.progress.ProgressStatus;

/**
 * Progress rows: each row's value as a bar in its status colour, the target as a tick, the value
 * expected by now as a marker, and the status named beside it. All rows share the chart's unit (for
 * several indicators, pass their achievement in percent of the target).
 */
public record BulletChart(ChartMeta meta, List<Row> rows) implements ChartSpec {
  public BulletChart {
    Objects.requireNonNull(meta, "meta");
    rows = List.copyOf(rows);
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("a bullet chart needs at least one row");
    }
  }

  /**
   * @param value the latest value, null only when the status is {@code NO_DATA}
   * @param expected where the trajectory expects the value to be by now, or null
   * @param target the target, null only when the status is {@code NO_TARGET} or {@code NO_DATA}
   */
  public record Row(
      String label, Double value, Double expected, Double target, ProgressStatus status) {
    public Row {
      label = ChartMeta.required(label, "label");
      Objects.requireNonNull(status, "status");
      if ((value == null) != (status == ProgressStatus.NO_DATA)) {
        throw new IllegalArgumentException("a row has no value exactly when its status is NO_DATA");
      }
      if (target == null && status.assessed()) {
        throw new IllegalArgumentException("an assessed row needs its target");
      }
      for (Double d : new Double[] {value, expected, target}) {
        if (d != null && !Double.isFinite(d)) {
          throw new IllegalArgumentException("values must be finite numbers");
        }
      }
    }
  }
}
