package org.atalaya.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.atalaya.indicator.Accumulation;
import org.atalaya.indicator.Direction;
import org.atalaya.indicator.Frequency;
import org.atalaya.indicator.IndicatorKind;
import org.junit.jupiter.api.Test;

/**
 * A period is judged against what was expected at its end: an annual 2025 rate read in December
 * 2026 gets the status it had at the end of 2025, not one against a year-later expectation; a
 * subgroup without a target of its own is held to the total's relative change from its own
 * baseline.
 */
class JudgedAtPeriodEndTest {
  static final IndicatorFacts ANNUAL_RATE =
      new IndicatorFacts(
          IndicatorKind.RATE, Direction.DECREASE, Accumulation.PERIODIC, Frequency.ANNUAL, null);

  // 10.0 in 2024 → 6.0 by the end of 2028: one unit a year.
  static final TargetSeries TARGET =
      TargetSeries.of(
          new Point(LocalDate.of(2024, 1, 1), 10.0), new Point(LocalDate.of(2028, 12, 31), 6.0));

  @Test
  void anAnnualValueIsHeldToWhatWasExpectedAtTheEndOfItsYear() {
    var cell = new Cell(ANNUAL_RATE, TARGET, List.of(new Point(LocalDate.of(2025, 1, 1), 8.5)));

    CellProgress atYearEnd = ProgressEngine.assess(cell, LocalDate.of(2025, 12, 31));
    CellProgress aYearLater = ProgressEngine.assess(cell, LocalDate.of(2026, 12, 6));

    assertThat(aYearLater.status())
        .isEqualTo(atYearEnd.status())
        .isEqualTo(ProgressStatus.ON_TRACK);
    assertThat(aYearLater.expectedValue()).isEqualTo(atYearEnd.expectedValue());
    assertThat(atYearEnd.expectedValue()).isCloseTo(10.0 - 4.0 * 730 / 1826.0, within());
  }

  @Test
  void aPeriodStillOpenIsHeldToTheCutOff() {
    var cell = new Cell(ANNUAL_RATE, TARGET, List.of(new Point(LocalDate.of(2025, 1, 1), 8.5)));

    CellProgress midYear = ProgressEngine.assess(cell, LocalDate.of(2025, 6, 30));

    assertThat(midYear.expectedValue()).isEqualTo(TARGET.expectedAt(LocalDate.of(2025, 6, 30)));
  }

  @Test
  void aSubgroupGetsTheTotalsRelativeChangeFromItsOwnBaseline() {
    // Women at 4.0 in 2024: the total's −40 % asks them to reach 2.4, not the district's 6.0.
    var women = List.of(new Point(LocalDate.of(2024, 1, 1), 4.0));

    TargetSeries derived = DerivedTargets.derive(TARGET, women);

    assertThat(derived.baseline().value()).isEqualTo(4.0);
    assertThat(derived.target().value()).isCloseTo(2.4, within());
    assertThat(derived.target().date()).isEqualTo(TARGET.target().date());
  }

  @Test
  void aSubgroupWithoutAValueInTheBaselinePeriodGetsNoTarget() {
    var women = List.of(new Point(LocalDate.of(2025, 1, 1), 4.0));

    assertThat(DerivedTargets.derive(TARGET, women)).isNull();
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
