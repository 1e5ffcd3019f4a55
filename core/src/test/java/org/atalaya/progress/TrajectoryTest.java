package org.atalaya.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.atalaya.progress.ProgressFixtures.at;
import static org.atalaya.progress.ProgressFixtures.complaintsCount;
import static org.atalaya.progress.ProgressFixtures.day;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The expected value along baseline → milestones → final target, and what inputs are refused. */
class TrajectoryTest {
  // baseline 2024-01-01 = 0, milestone 2025-01-01 = 100, final 2027-01-01 = 1000: a slow first
  // year, then faster. A single straight line would expect 1000·366/1096 = 334 at the milestone.
  static final TargetSeries SLOW_START =
      new TargetSeries(at("2024-01-01", 0), List.of(at("2025-01-01", 100)), at("2027-01-01", 1000));

  @Test
  void interpolatesEachLegByCalendarDays() {
    // first leg, 366 days (2024 is a leap year): 2024-07-02 is day 183 → 100·183/366 = 50
    assertThat(SLOW_START.expectedAt(day("2024-07-02"))).isCloseTo(50, within(1e-9));
    // on the milestone: 100
    assertThat(SLOW_START.expectedAt(day("2025-01-01"))).isCloseTo(100, within(1e-9));
    // second leg, 730 days: 2026-01-01 is day 365 → 100 + 900·365/730 = 550
    assertThat(SLOW_START.expectedAt(day("2026-01-01"))).isCloseTo(550, within(1e-9));
  }

  @Test
  void clampsAtBothEnds() {
    assertThat(SLOW_START.expectedAt(day("2023-06-01"))).isEqualTo(0);
    assertThat(SLOW_START.expectedAt(day("2027-01-01"))).isEqualTo(1000);
    assertThat(SLOW_START.expectedAt(day("2030-01-01"))).isEqualTo(1000);
  }

  @Test
  void theEngineReportsTheMilestoneTrajectory() {
    // January's value read on its first day: its period is open, so it is held to that day.
    var c = new Cell(complaintsCount(), SLOW_START, List.of(at("2026-01-01", 500)));

    CellProgress p = ProgressEngine.assess(c, day("2026-01-01"));

    // expected 550 → expected achievement 550/1000; achievement 500/1000 = 0.50 ≥ 0.55 − 0.10
    assertThat(p.expectedValue()).isCloseTo(550, within(1e-9));
    assertThat(p.expectedAchievement()).isCloseTo(0.55, within(1e-12));
    assertThat(p.status()).isEqualTo(ProgressStatus.ON_TRACK);
  }

  @Test
  void refusesMilestonesOutOfOrderOrOutsideTheTargetSpan() {
    assertThatThrownBy(
            () ->
                new TargetSeries(
                    at("2024-01-01", 0),
                    List.of(at("2026-01-01", 5), at("2025-01-01", 3)),
                    at("2027-01-01", 9)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new TargetSeries(
                    at("2024-01-01", 0), List.of(at("2027-01-01", 5)), at("2027-01-01", 9)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TargetSeries.of(at("2024-01-01", 0), at("2024-01-01", 9)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesObservationsNotOnAPeriodStartOrOutOfOrder() {
    assertThatThrownBy(() -> new Cell(complaintsCount(), null, List.of(at("2025-01-15", 1))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new Cell(
                    complaintsCount(), null, List.of(at("2025-02-01", 1), at("2025-01-01", 1))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
