package org.atalaya.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.atalaya.indicator.Frequency;
import org.junit.jupiter.api.Test;

/** When figures are due, and the state of a period from what arrived. */
class ReportingDelayTest {
  private final ReportingDelay thirtyDays = new ReportingDelay(30);

  @Test
  void marchIsDueOnTheThirtiethOfAprilAndAQuarterThirtyDaysAfterItsLastDay() {
    assertThat(thirtyDays.due(Frequency.MONTHLY, LocalDate.of(2026, 3, 1)))
        .isEqualTo(LocalDate.of(2026, 4, 30));
    assertThat(thirtyDays.due(Frequency.QUARTERLY, LocalDate.of(2026, 10, 1)))
        .isEqualTo(LocalDate.of(2027, 1, 30));
    assertThat(thirtyDays.due(Frequency.ANNUAL, LocalDate.of(2025, 1, 1)))
        .isEqualTo(LocalDate.of(2026, 1, 30));
    assertThat(new ReportingDelay(0).due(Frequency.MONTHLY, LocalDate.of(2026, 2, 1)))
        .isEqualTo(LocalDate.of(2026, 2, 28));
  }

  @Test
  void aPeriodIsLateOnlyWhenDueAndIncomplete() {
    assertThat(DueState.of(36, 3, 0, true)).isEqualTo(DueState.LATE);
    assertThat(DueState.of(36, 0, 0, false)).isEqualTo(DueState.EXPECTED);
    assertThat(DueState.of(36, 36, 10, true)).isEqualTo(DueState.RECEIVED);
    assertThat(DueState.of(36, 36, 36, false)).isEqualTo(DueState.VALIDATED);
  }
}
