package org.atalaya.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.atalaya.progress.ProgressFixtures.at;
import static org.atalaya.progress.ProgressFixtures.cell;
import static org.atalaya.progress.ProgressFixtures.complaintsCount;
import static org.atalaya.progress.ProgressFixtures.day;
import static org.atalaya.progress.ProgressFixtures.homicideRate;
import static org.atalaya.progress.ProgressFixtures.target;
import static org.atalaya.progress.ProgressFixtures.timelyCareMaintained;

import org.junit.jupiter.api.Test;

/** MAINTAIN bands, a target equal to its baseline, and an as-of date before the baseline. */
class SpecialTargetsTest {
  static CellProgress maintain80(Double tolerance, double latest) {
    // hold timely care at 80 % (baseline 80 too), tolerance ± 2 points unless said otherwise
    return ProgressEngine.assess(
        cell(
            timelyCareMaintained(tolerance),
            target(at("2025-01-01", 80), at("2026-01-01", 80)),
            at("2025-06-01", latest)),
        day("2025-06-30"));
  }

  @Test
  void maintainIsAchievedInsideItsBandAtRiskWithinTwiceItAndOffTrackBeyond() {
    // |latest − 80| ≤ 2 → ACHIEVED; ≤ 2·2 = 4 → AT_RISK; more → OFF_TRACK
    assertThat(maintain80(2.0, 81.9).status()).isEqualTo(ProgressStatus.ACHIEVED);
    assertThat(maintain80(2.0, 82).status()).isEqualTo(ProgressStatus.ACHIEVED); // edge: 2
    assertThat(maintain80(2.0, 78).status()).isEqualTo(ProgressStatus.ACHIEVED); // edge: 2 below
    assertThat(maintain80(2.0, 82.1).status()).isEqualTo(ProgressStatus.AT_RISK); // 2.1
    assertThat(maintain80(2.0, 84).status()).isEqualTo(ProgressStatus.AT_RISK); // edge: 4
    assertThat(maintain80(2.0, 77.5).status()).isEqualTo(ProgressStatus.AT_RISK); // 2.5 below
    assertThat(maintain80(2.0, 84.1).status()).isEqualTo(ProgressStatus.OFF_TRACK); // 4.1
    assertThat(maintain80(2.0, 75.9).status()).isEqualTo(ProgressStatus.OFF_TRACK); // 4.1 below
  }

  @Test
  void maintainAchievementIsOneInsideTheBandAndZeroOutside() {
    assertThat(maintain80(2.0, 81).achievement()).isEqualTo(1.0);
    assertThat(maintain80(2.0, 83).achievement()).isEqualTo(0.0);
    assertThat(maintain80(2.0, 83).expectedAchievement()).isEqualTo(1.0);
  }

  @Test
  void maintainWithoutToleranceMustHoldTheLevelExactly() {
    assertThat(maintain80(null, 80).status()).isEqualTo(ProgressStatus.ACHIEVED);
    assertThat(maintain80(null, 80.1).status()).isEqualTo(ProgressStatus.OFF_TRACK);
  }

  @Test
  void aTargetEqualToItsBaselineIsMetOnItsGoodSideWithoutDividingByZero() {
    // baseline 50 = target 50: (latest − 50) / (50 − 50) would be 0/0 or ±∞. Instead achievement
    // is 1 at or on the good side of 50, else 0; expected achievement is 1 throughout.
    var flat = target(at("2025-01-01", 50), at("2026-01-01", 50));
    CellProgress above =
        ProgressEngine.assess(
            cell(complaintsCount(), flat, at("2025-06-01", 51)), day("2025-06-30"));
    CellProgress below =
        ProgressEngine.assess(
            cell(complaintsCount(), flat, at("2025-06-01", 49)), day("2025-06-30"));
    CellProgress rateBelow =
        ProgressEngine.assess(cell(homicideRate(), flat, at("2025-06-01", 49)), day("2025-06-30"));

    assertThat(above.achievement()).isEqualTo(1.0);
    assertThat(above.status()).isEqualTo(ProgressStatus.ACHIEVED);
    assertThat(below.achievement()).isEqualTo(0.0); // 0 < 1 − 0.25 → OFF_TRACK
    assertThat(below.expectedAchievement()).isEqualTo(1.0);
    assertThat(below.status()).isEqualTo(ProgressStatus.OFF_TRACK);
    // the homicide rate is to decrease, so 49 ≤ 50 is on the good side
    assertThat(rateBelow.status()).isEqualTo(ProgressStatus.ACHIEVED);
  }

  @Test
  void anAsOfDateBeforeTheBaselinePeriodIsRefusedNamingBothDates() {
    var c =
        cell(
            complaintsCount(),
            target(at("2025-01-01", 14), at("2026-01-01", 20)),
            at("2025-02-01", 15));

    assertThatThrownBy(() -> ProgressEngine.assess(c, day("2024-12-31")))
        .isInstanceOfSatisfying(
            AsOfBeforeBaselineException.class,
            e -> {
              assertThat(e.asOf()).isEqualTo(day("2024-12-31"));
              assertThat(e.baselinePeriod()).isEqualTo(day("2025-01-01"));
            });
    // the baseline's own first day is allowed: nothing observed yet
    assertThat(ProgressEngine.assess(c, day("2025-01-01")).status())
        .isEqualTo(ProgressStatus.NO_DATA);
  }
}
