package org.atalaya.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A target typed as a period is due at the end of it; a baseline is the measured period itself. */
class TargetPeriodsTest {
  @Test
  void aTargetTypedAsAPeriodIsDueOnItsLastDay() {
    assertThat(TargetPeriods.due("2025-T1")).contains(LocalDate.of(2025, 3, 31));
    assertThat(TargetPeriods.due("2024-Q4")).contains(LocalDate.of(2024, 12, 31));
    assertThat(TargetPeriods.due("2024-02")).contains(LocalDate.of(2024, 2, 29));
    assertThat(TargetPeriods.due("2025-03")).contains(LocalDate.of(2025, 3, 31));
    assertThat(TargetPeriods.due("2025")).contains(LocalDate.of(2025, 12, 31));
    assertThat(TargetPeriods.due("2025-06-15")).contains(LocalDate.of(2025, 6, 15));
    assertThat(TargetPeriods.due("2025-T5")).isEmpty();
    assertThat(TargetPeriods.due("2025-13")).isEmpty();
    assertThat(TargetPeriods.due("fin de 2025")).isEmpty();
  }

  @Test
  void aBaselineIsTheFirstDayOfAPeriodOfTheIndicatorsFrequency() {
    assertThat(TargetPeriods.baseline(Frequency.QUARTERLY, "2024-T4"))
        .contains(LocalDate.of(2024, 10, 1));
    assertThat(TargetPeriods.baseline(Frequency.ANNUAL, "2024")).contains(LocalDate.of(2024, 1, 1));
    assertThat(TargetPeriods.baseline(Frequency.MONTHLY, "2024-T4")).isEmpty();
  }

  @Test
  void datesAreWrittenBackAsThePeriodsTheyEndOrBegin() {
    assertThat(TargetPeriods.dueLabel(Frequency.QUARTERLY, LocalDate.of(2025, 3, 31)))
        .isEqualTo("2025-T1");
    assertThat(TargetPeriods.dueLabel(Frequency.ANNUAL, LocalDate.of(2027, 12, 31)))
        .isEqualTo("2027");
    assertThat(TargetPeriods.dueLabel(Frequency.MONTHLY, LocalDate.of(2024, 2, 29)))
        .isEqualTo("2024-02");
    // A date that ends no period of the indicator's frequency stays a date.
    assertThat(TargetPeriods.dueLabel(Frequency.QUARTERLY, LocalDate.of(2025, 2, 28)))
        .isEqualTo("2025-02-28");
    assertThat(TargetPeriods.baselineLabel(Frequency.QUARTERLY, LocalDate.of(2024, 10, 1)))
        .isEqualTo("2024-T4");
  }
}
