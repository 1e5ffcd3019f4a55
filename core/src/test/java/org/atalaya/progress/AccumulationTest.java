package org.atalaya.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.atalaya.progress.ProgressFixtures.at;
import static org.atalaya.progress.ProgressFixtures.cell;
import static org.atalaya.progress.ProgressFixtures.complaintsCount;
import static org.atalaya.progress.ProgressFixtures.day;
import static org.atalaya.progress.ProgressFixtures.insecurityPerception;
import static org.atalaya.progress.ProgressFixtures.peopleSensitised;
import static org.atalaya.progress.ProgressFixtures.target;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which value is "latest", by accumulation, and what it achieves. */
class AccumulationTest {
  static final double EPS = 1e-9;

  @Test
  void periodicTakesTheLastPeriodFromTheBaselineUpToAsOf() {
    // Complaints, baseline 2024-12 = 14, target 2028-12-01 = 20.
    // 2024-11 is before the baseline and 2025-04 starts after as-of: neither counts.
    var c =
        cell(
            complaintsCount(),
            target(at("2024-12-01", 14), at("2028-12-01", 20)),
            at("2024-11-01", 30),
            at("2025-01-01", 15),
            at("2025-02-01", 17),
            at("2025-03-01", 16),
            at("2025-04-01", 40));

    var p = ProgressEngine.assess(c, day("2025-03-20"));

    // latest = 16 (March); achievement = (16 − 14) / (20 − 14) = 2/6
    // expected: 2024-12-01 → 2025-03-20 is 31 + 31 + 28 + 19 = 109 days of 1461 (4 years with
    // 29 Feb 2028); expected = 14 + 6·109/1461 = 14.447639; expected achievement = 109/1461
    // 0.333 ≥ 0.0746 − 0.10 → ON_TRACK
    assertThat(p.latest()).isEqualTo(at("2025-03-01", 16));
    assertThat(p.achievement()).isCloseTo(2.0 / 6, within(EPS));
    assertThat(p.expectedValue()).isCloseTo(14 + 6 * 109.0 / 1461, within(EPS));
    assertThat(p.expectedAchievement()).isCloseTo(109.0 / 1461, within(EPS));
    assertThat(p.status()).isEqualTo(ProgressStatus.ON_TRACK);
  }

  @Test
  void stockTakesTheLatestLevelAndADecreaseCountsDownwardMovesAsProgress() {
    // Perception of insecurity (%), baseline 2024 = 62, target 2028-01-01 = 50.
    var c =
        cell(
            insecurityPerception(),
            target(at("2024-01-01", 62), at("2028-01-01", 50)),
            at("2024-01-01", 62),
            at("2025-01-01", 58),
            at("2026-01-01", 57));

    var p = ProgressEngine.assess(c, day("2026-06-30"));

    // latest = the 2026 level 57 (not a sum, not an average)
    // achievement = (57 − 62) / (50 − 62) = −5 / −12 = 0.416667
    // expected: 2024-01-01 → 2026-06-30 = 366 + 365 + 180 = 911 days of 1461
    //   expected achievement = 911/1461 = 0.623546; 0.4167 < 0.6235 − 0.10 = 0.5235,
    //   but ≥ 0.6235 − 0.25 = 0.3735 → AT_RISK
    assertThat(p.latest()).isEqualTo(at("2026-01-01", 57));
    assertThat(p.achievement()).isCloseTo(5.0 / 12, within(EPS));
    assertThat(p.expectedValue()).isCloseTo(62 - 12 * 911.0 / 1461, within(EPS));
    assertThat(p.expectedAchievement()).isCloseTo(911.0 / 1461, within(EPS));
    assertThat(p.status()).isEqualTo(ProgressStatus.AT_RISK);
  }

  @Test
  void cumulativeAddsEveryPeriodAfterTheBaselineToTheBaselineValue() {
    // People sensitised: baseline quarter 2024-T4 = 50 people, milestone 2026-01-01 = 400,
    // target 2027-12-31 = 1000. The 2024-T4 observation (50) is the baseline itself, and 2025-T4
    // starts after as-of.
    var c =
        cell(
            peopleSensitised(),
            new TargetSeries(
                at("2024-10-01", 50), List.of(at("2026-01-01", 400)), at("2027-12-31", 1000)),
            at("2024-10-01", 50),
            at("2025-01-01", 120),
            at("2025-04-01", 150),
            at("2025-07-01", 130),
            at("2025-10-01", 90));

    var p = ProgressEngine.assess(c, day("2025-09-30"));

    // latest = 50 + 120 + 150 + 130 = 450, dated by its last period 2025-07-01
    // achievement = (450 − 50) / (1000 − 50) = 400/950 = 0.421053
    // expected, on the baseline → milestone leg: 2024-10-01 → 2025-09-30 = 364 of 457 days,
    //   expected = 50 + 350·364/457 = 328.774617; expected achievement = 278.774617/950 = 0.293447
    //   → ON_TRACK
    assertThat(p.latest()).isEqualTo(at("2025-07-01", 450));
    assertThat(p.achievement()).isCloseTo(400.0 / 950, within(EPS));
    assertThat(p.expectedValue()).isCloseTo(50 + 350 * 364.0 / 457, within(EPS));
    assertThat(p.expectedAchievement()).isCloseTo(350 * 364.0 / 457 / 950, within(EPS));
    assertThat(p.status()).isEqualTo(ProgressStatus.ON_TRACK);
  }

  @Test
  void noObservationBetweenTheBaselineAndAsOfIsNoData() {
    var c =
        cell(
            complaintsCount(),
            target(at("2024-12-01", 14), at("2028-12-01", 20)),
            at("2024-11-01", 30),
            at("2025-05-01", 18));

    var p = ProgressEngine.assess(c, day("2025-04-30"));

    assertThat(p.status()).isEqualTo(ProgressStatus.NO_DATA);
    assertThat(p.latest()).isNull();
    assertThat(p.achievement()).isNull();
    assertThat(p.expectedValue()).isNotNull();
    assertThat(p.forecast().outcome()).isEqualTo(Forecast.Outcome.TOO_FEW_POINTS);
  }

  @Test
  void aCellWithoutTargetStillShowsItsLatestValueButNoAssessment() {
    var c = cell(peopleSensitised(), null, at("2025-01-01", 10), at("2025-04-01", 20));

    var p = ProgressEngine.assess(c, day("2025-12-31"));

    // no baseline: the running total starts from zero, 10 + 20 = 30
    assertThat(p.status()).isEqualTo(ProgressStatus.NO_TARGET);
    assertThat(p.latest()).isEqualTo(at("2025-04-01", 30));
    assertThat(p.achievement()).isNull();
    assertThat(p.forecast().outcome()).isEqualTo(Forecast.Outcome.NO_TARGET);
  }
}
