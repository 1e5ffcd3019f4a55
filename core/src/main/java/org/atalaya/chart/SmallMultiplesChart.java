package org.atalaya.chart;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.atalaya.progress.ProgressStatus;

/**
 * A grid of small time series, one per indicator of an axis, each with its own scale and unit and
 * its status in its heading; the chart's title, source and date are drawn once for the grid.
 */
public record SmallMultiplesChart(ChartMeta meta, List<Panel> panels, int columns)
    implements ChartSpec {
  public SmallMultiplesChart {
    Objects.requireNonNull(meta, "meta");
    panels = List.copyOf(panels);
    if (panels.isEmpty()) {
      throw new IllegalArgumentException("small multiples need at least one panel");
    }
    if (columns < 1 || columns > 6) {
      throw new IllegalArgumentException("columns must be between 1 and 6");
    }
  }

  int rows() {
    return (panels.size() + columns - 1) / columns;
  }

  /**
   * @param values the observed series, empty when there are no data yet
   * @param target the target trajectory, empty when there is no target
   * @param note words that stand in for the status when none can be given with confidence ("pocos
   *     casos: sin valoración"), or null
   * @param withheld the latest period when its value is withheld: the table says "suprimido" for it
   *     rather than falling back to an older value; null otherwise
   */
  public record Panel(
      String title,
      String unit,
      NumberStyle numbers,
      List<ChartPoint> values,
      List<ChartPoint> target,
      ProgressStatus status,
      String note,
      LocalDate withheld) {
    public Panel(
        String title,
        String unit,
        NumberStyle numbers,
        List<ChartPoint> values,
        List<ChartPoint> target,
        ProgressStatus status) {
      this(title, unit, numbers, values, target, status, null, null);
    }

    public Panel {
      title = ChartMeta.required(title, "title");
      unit = ChartMeta.required(unit, "unit");
      Objects.requireNonNull(numbers, "numbers");
      Objects.requireNonNull(status, "status");
      values = Series.sorted(values == null ? List.of() : values);
      target = Series.sorted(target == null ? List.of() : target);
    }
  }
}
