package org.atalaya.progress;

import java.time.LocalDate;
import java.util.List;
import org.atalaya.indicator.Accumulation;
import org.atalaya.indicator.Direction;
import org.atalaya.indicator.Frequency;
import org.atalaya.indicator.IndicatorKind;

/** Named indicators and small builders for the progress tests, after the demo plan's indicators. */
final class ProgressFixtures {
  private ProgressFixtures() {}

  /** Domestic-violence complaints: more complaints mean more trust in the care route. */
  static IndicatorFacts complaintsCount() {
    return new IndicatorFacts(
        IndicatorKind.COUNT, Direction.INCREASE, Accumulation.PERIODIC, Frequency.MONTHLY, null);
  }

  static IndicatorFacts homicideRate() {
    return new IndicatorFacts(
        IndicatorKind.RATE, Direction.DECREASE, Accumulation.PERIODIC, Frequency.MONTHLY, null);
  }

  /** People who attended workshops, counted since the plan began. */
  static IndicatorFacts peopleSensitised() {
    return new IndicatorFacts(
        IndicatorKind.COUNT,
        Direction.INCREASE,
        Accumulation.CUMULATIVE,
        Frequency.QUARTERLY,
        null);
  }

  static IndicatorFacts insecurityPerception() {
    return new IndicatorFacts(
        IndicatorKind.PROPORTION, Direction.DECREASE, Accumulation.STOCK, Frequency.ANNUAL, null);
  }

  /** Share of cases attended within 48 hours, to be held around its target. */
  static IndicatorFacts timelyCareMaintained(Double tolerance) {
    return new IndicatorFacts(
        IndicatorKind.PROPORTION,
        Direction.MAINTAIN,
        Accumulation.STOCK,
        Frequency.MONTHLY,
        tolerance);
  }

  static LocalDate day(String iso) {
    return LocalDate.parse(iso);
  }

  static Point at(String iso, double value) {
    return new Point(day(iso), value);
  }

  static TargetSeries target(Point baseline, Point finalTarget) {
    return TargetSeries.of(baseline, finalTarget);
  }

  static Cell cell(IndicatorFacts facts, TargetSeries target, Point... observations) {
    return new Cell(facts, target, List.of(observations));
  }
}
