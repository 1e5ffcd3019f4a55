package org.atalaya.progress;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One indicator × sex × territory cell: its indicator's facts, its target (null when none applies)
 * and its observations from the official source, in period order, each dated by its period's first
 * day.
 */
public record Cell(IndicatorFacts facts, TargetSeries target, List<Point> observations) {
  public Cell {
    Objects.requireNonNull(facts, "facts");
    observations = List.copyOf(observations);
    LocalDate previous = null;
    for (Point o : observations) {
      if (!facts.frequency().isStart(o.date())) {
        throw new IllegalArgumentException(
            "an observation is dated by the first day of its "
                + facts.frequency()
                + " period: "
                + o.date());
      }
      if (previous != null && !o.date().isAfter(previous)) {
        throw new IllegalArgumentException(
            "observations must be in period order, one per period: " + o.date());
      }
      previous = o.date();
    }
  }
}
