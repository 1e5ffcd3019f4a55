package org.atalaya.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.atalaya.indicator.Accumulation;

/**
 * The series that "latest" is read from and the trend is fitted to, by the indicator's
 * accumulation. Only periods from the baseline period to the as-of date count: earlier ones are
 * history the target does not speak about, later ones had not happened yet.
 */
public final class ObservedSeries {
  private ObservedSeries() {}

  /**
   * PERIODIC and STOCK: the observations as they are (a period's own value, or a level).
   * CUMULATIVE: the running total, starting from the baseline value, of the observations after the
   * baseline period; an observation of the baseline period itself is already in the baseline, so
   * there the running total is the baseline value.
   *
   * @param baseline null when the cell has no target: then every period up to as-of counts and a
   *     cumulative total starts from zero
   */
  public static List<Point> of(
      Accumulation accumulation, Point baseline, List<Point> observations, LocalDate asOf) {
    List<Point> series = new ArrayList<>();
    double total = baseline == null ? 0 : baseline.value();
    for (Point o : observations) {
      boolean beforeBaseline = baseline != null && o.date().isBefore(baseline.date());
      if (beforeBaseline || o.date().isAfter(asOf)) {
        continue;
      }
      switch (accumulation) {
        case PERIODIC, STOCK -> series.add(o);
        case CUMULATIVE -> {
          boolean baselinePeriod = baseline != null && o.date().equals(baseline.date());
          if (!baselinePeriod) {
            total += o.value();
          }
          series.add(new Point(o.date(), total));
        }
      }
    }
    return List.copyOf(series);
  }
}
