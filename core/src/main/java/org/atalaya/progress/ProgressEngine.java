package org.atalaya.progress;

import java.time.LocalDate;
import java.util.List;

/**
 * Progress of one cell against its target (DESIGN: Progress). Pure arithmetic on records, so the
 * same answer comes from the API, the dashboards and the tests.
 *
 * <p>achievement = (latest − baseline) / (target − baseline). The sign of the denominator carries
 * the direction: a reduction target lies below its baseline, so falling values give positive
 * achievement and rising ones negative. Two cases need their own reading:
 *
 * <ul>
 *   <li>A target equal to its baseline asks for no change, so there is no way to measure "how far
 *       along" and nothing to divide by: achievement is 1 while the latest value is on the target
 *       or on its good side (at or above it to increase, at or below to decrease) and 0 otherwise;
 *       expected achievement is 1 throughout.
 *   <li>MAINTAIN asks to stay within ±tolerance of the target, not to travel towards it:
 *       achievement is 1 inside the band and 0 outside, expected achievement 1, and the status
 *       comes from the distance to the target (see {@link Thresholds#maintainAtRiskFactor}).
 * </ul>
 */
public final class ProgressEngine {
  /**
   * Inputs are decimals held as doubles; without this slack 0.3 − 0.1 − 0.1 lands a hair below 0.1
   * and a value exactly on a documented edge falls on the wrong side of it.
   */
  static final double EPSILON = 1e-9;

  private ProgressEngine() {}

  public static CellProgress assess(Cell cell, LocalDate asOf) {
    return assess(cell, asOf, Thresholds.DEFAULTS);
  }

  /**
   * @throws AsOfBeforeBaselineException when {@code asOf} is before the baseline period
   */
  public static CellProgress assess(Cell cell, LocalDate asOf, Thresholds thresholds) {
    IndicatorFacts facts = cell.facts();
    TargetSeries target = cell.target();
    if (target == null) {
      List<Point> series = ObservedSeries.of(facts.accumulation(), null, cell.observations(), asOf);
      return new CellProgress(
          asOf,
          ProgressStatus.NO_TARGET,
          null,
          series.isEmpty() ? null : series.get(series.size() - 1),
          null,
          null,
          null,
          null,
          Forecast.none(Forecast.Outcome.NO_TARGET));
    }
    Point baseline = target.baseline();
    if (asOf.isBefore(baseline.date())) {
      throw new AsOfBeforeBaselineException(asOf, baseline.date());
    }
    List<Point> series =
        ObservedSeries.of(facts.accumulation(), baseline, cell.observations(), asOf);
    double expected = target.expectedAt(judgedAt(facts, series, asOf));
    double expectedAchievement = expectedAchievement(facts, target, expected);
    Forecast forecast = Forecaster.forecast(facts, target, series, asOf, thresholds);
    if (series.isEmpty()) {
      return new CellProgress(
          asOf,
          ProgressStatus.NO_DATA,
          baseline,
          null,
          target.target(),
          expected,
          null,
          expectedAchievement,
          forecast);
    }
    Point latest = series.get(series.size() - 1);
    double achievement = achievement(facts, target, latest.value());
    ProgressStatus status =
        status(facts, target, latest.value(), achievement, expectedAchievement, thresholds);
    return new CellProgress(
        asOf,
        status,
        baseline,
        latest,
        target.target(),
        expected,
        achievement,
        expectedAchievement,
        forecast);
  }

  /**
   * The day the latest value is judged on: the end of its period, or the as-of date while that
   * period is still open — never later. An annual 2025 value read in December 2026 is held to what
   * was expected at the end of 2025, not to what is expected a year later (DESIGN: Progress).
   */
  static LocalDate judgedAt(IndicatorFacts facts, List<Point> series, LocalDate asOf) {
    if (series.isEmpty()) {
      return asOf;
    }
    LocalDate end = facts.frequency().next(series.get(series.size() - 1).date()).minusDays(1);
    return end.isBefore(asOf) ? end : asOf;
  }

  static double achievement(IndicatorFacts facts, TargetSeries target, double value) {
    double base = target.baseline().value();
    double goal = target.target().value();
    return switch (facts.direction()) {
      case MAINTAIN -> distance(value, goal) <= facts.band() ? 1 : 0;
      case INCREASE -> goal == base ? (value >= goal - slack(goal) ? 1 : 0) : ratio(value, target);
      case DECREASE -> goal == base ? (value <= goal + slack(goal) ? 1 : 0) : ratio(value, target);
    };
  }

  private static double expectedAchievement(
      IndicatorFacts facts, TargetSeries target, double expected) {
    return switch (facts.direction()) {
      case MAINTAIN -> 1;
      case INCREASE, DECREASE ->
          target.target().value() == target.baseline().value() ? 1 : ratio(expected, target);
    };
  }

  private static ProgressStatus status(
      IndicatorFacts facts,
      TargetSeries target,
      double latest,
      double achievement,
      double expectedAchievement,
      Thresholds thresholds) {
    return switch (facts.direction()) {
      case MAINTAIN -> {
        double off = distance(latest, target.target().value());
        if (off <= facts.band()) {
          yield ProgressStatus.ACHIEVED;
        }
        yield off <= thresholds.maintainAtRiskFactor() * facts.band()
            ? ProgressStatus.AT_RISK
            : ProgressStatus.OFF_TRACK;
      }
      case INCREASE, DECREASE -> {
        if (achievement >= 1 - EPSILON) {
          yield ProgressStatus.ACHIEVED;
        }
        if (achievement >= expectedAchievement - thresholds.onTrackMargin() - EPSILON) {
          yield ProgressStatus.ON_TRACK;
        }
        yield achievement >= expectedAchievement - thresholds.atRiskMargin() - EPSILON
            ? ProgressStatus.AT_RISK
            : ProgressStatus.OFF_TRACK;
      }
    };
  }

  private static double ratio(double value, TargetSeries target) {
    double base = target.baseline().value();
    return (value - base) / (target.target().value() - base);
  }

  /** |value − goal| less the rounding slack, so a value exactly on the band's edge is inside. */
  private static double distance(double value, double goal) {
    return Math.max(0, Math.abs(value - goal) - slack(goal));
  }

  private static double slack(double goal) {
    return EPSILON * Math.max(1, Math.abs(goal));
  }
}
