package org.atalaya.progress;

import java.util.List;

/**
 * A subgroup's target when only the total has one (DESIGN: disaggregation and totals): the total's
 * relative change applied to the subgroup's own baseline, so women's homicide rate is not judged
 * against the district's absolute target. Without its own value in the baseline period, or with a
 * total baseline of zero (no relative change to speak of), the subgroup has no target.
 */
final class DerivedTargets {
  private DerivedTargets() {}

  static TargetSeries derive(TargetSeries total, List<Point> observations) {
    double base = total.baseline().value();
    if (base == 0) {
      return null;
    }
    Point own =
        observations.stream()
            .filter(o -> o.date().equals(total.baseline().date()))
            .findFirst()
            .orElse(null);
    if (own == null) {
      return null;
    }
    double factor = own.value() / base;
    return new TargetSeries(
        own,
        total.milestones().stream().map(m -> scaled(m, factor)).toList(),
        scaled(total.target(), factor));
  }

  private static Point scaled(Point p, double factor) {
    return new Point(p.date(), p.value() * factor);
  }
}
