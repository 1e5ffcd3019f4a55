package org.atalaya.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A cell's target trajectory: the baseline (its period's first day and value), milestones in date
 * order strictly between the baseline and the final target, and the final target (date and value).
 */
public record TargetSeries(Point baseline, List<Point> milestones, Point target) {
  public TargetSeries {
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(target, "target");
    milestones = List.copyOf(milestones);
    if (!target.date().isAfter(baseline.date())) {
      throw new IllegalArgumentException("the final target must come after the baseline");
    }
    LocalDate previous = baseline.date();
    for (Point m : milestones) {
      if (!m.date().isAfter(previous) || !m.date().isBefore(target.date())) {
        throw new IllegalArgumentException(
            "milestones must be in date order between the baseline and the final target: "
                + m.date());
      }
      previous = m.date();
    }
  }

  public static TargetSeries of(Point baseline, Point target) {
    return new TargetSeries(baseline, List.of(), target);
  }

  /**
   * The value the trajectory asks for on {@code day}: straight lines (by calendar day) between
   * consecutive points, the baseline value before the baseline and the final value after the final
   * date, since a plan asks nothing beyond its own ends.
   */
  public double expectedAt(LocalDate day) {
    List<Point> knots = new ArrayList<>(milestones.size() + 2);
    knots.add(baseline);
    knots.addAll(milestones);
    knots.add(target);
    if (!day.isAfter(baseline.date())) {
      return baseline.value();
    }
    for (int i = 1; i < knots.size(); i++) {
      Point from = knots.get(i - 1);
      Point to = knots.get(i);
      if (!day.isAfter(to.date())) {
        double span = to.date().toEpochDay() - from.date().toEpochDay();
        double elapsed = day.toEpochDay() - from.date().toEpochDay();
        return from.value() + (to.value() - from.value()) * elapsed / span;
      }
    }
    return target.value();
  }
}
