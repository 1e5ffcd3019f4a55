package org.atalaya.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.atalaya.progress.ProgressFixtures.at;
import static org.atalaya.progress.ProgressFixtures.cell;
import static org.atalaya.progress.ProgressFixtures.complaintsCount;
import static org.atalaya.progress.ProgressFixtures.day;
import static org.atalaya.progress.ProgressFixtures.homicideRate;
import static org.atalaya.progress.ProgressFixtures.target;

import org.junit.jupiter.api.Test;

/**
 * Each status edge, just above and just below, in both directions. Baseline 2025-01-01, final
 * target 2025-07-20 (200 days later), as-of 2025-04-11 (100 days in, so expected achievement is
 * exactly 0.5) and one observation for April. Defaults: ON_TRACK from 0.5 − 0.10 = 0.40, AT_RISK
 * from 0.5 − 0.25 = 0.25, ACHIEVED from 1.
 */
class StatusThresholdTest {
  static final String BASELINE = "2025-01-01";
  static final String FINAL = "2025-07-20";
  static final String AS_OF = "2025-04-11";

  static CellProgress increaseFrom0To100(double april) {
    return ProgressEngine.assess(
        cell(complaintsCount(), target(at(BASELINE, 0), at(FINAL, 100)), at("2025-04-01", april)),
        day(AS_OF));
  }

  static CellProgress decreaseFrom100To0(double april) {
    return ProgressEngine.assess(
        cell(homicideRate(), target(at(BASELINE, 100), at(FINAL, 0)), at("2025-04-01", april)),
        day(AS_OF));
  }

  @Test
  void expectedAchievementHalfWay() {
    // 2025-01-01 → 2025-04-11 = 31 + 28 + 31 + 10 = 100 days of 200
    assertThat(increaseFrom0To100(50).expectedAchievement()).isCloseTo(0.5, within(1e-12));
    assertThat(increaseFrom0To100(50).expectedValue()).isCloseTo(50, within(1e-9));
  }

  @Test
  void increaseEdges() {
    // achievement = (april − 0) / (100 − 0) = april / 100
    assertThat(increaseFrom0To100(100).status()).isEqualTo(ProgressStatus.ACHIEVED); // 1.00
    assertThat(increaseFrom0To100(99.9).status()).isEqualTo(ProgressStatus.ON_TRACK); // 0.999
    assertThat(increaseFrom0To100(40.1).status()).isEqualTo(ProgressStatus.ON_TRACK); // 0.401
    assertThat(increaseFrom0To100(40).status()).isEqualTo(ProgressStatus.ON_TRACK); // 0.400 edge
    assertThat(increaseFrom0To100(39.9).status()).isEqualTo(ProgressStatus.AT_RISK); // 0.399
    assertThat(increaseFrom0To100(25.1).status()).isEqualTo(ProgressStatus.AT_RISK); // 0.251
    assertThat(increaseFrom0To100(25).status()).isEqualTo(ProgressStatus.AT_RISK); // 0.250 edge
    assertThat(increaseFrom0To100(24.9).status()).isEqualTo(ProgressStatus.OFF_TRACK); // 0.249
  }

  @Test
  void decreaseEdgesMirrorThem() {
    // achievement = (april − 100) / (0 − 100): falling values are progress
    assertThat(decreaseFrom100To0(0).status()).isEqualTo(ProgressStatus.ACHIEVED); // 1.00
    assertThat(decreaseFrom100To0(0.1).status()).isEqualTo(ProgressStatus.ON_TRACK); // 0.999
    assertThat(decreaseFrom100To0(60).status()).isEqualTo(ProgressStatus.ON_TRACK); // 0.400
    assertThat(decreaseFrom100To0(60.1).status()).isEqualTo(ProgressStatus.AT_RISK); // 0.399
    assertThat(decreaseFrom100To0(75).status()).isEqualTo(ProgressStatus.AT_RISK); // 0.250
    assertThat(decreaseFrom100To0(75.1).status()).isEqualTo(ProgressStatus.OFF_TRACK); // 0.249
  }

  @Test
  void movingTheWrongWayIsNegativeAchievementAndOvershootingIsAboveOne() {
    // decrease target, value rose to 110: (110 − 100) / (0 − 100) = −0.10
    CellProgress rose = decreaseFrom100To0(110);
    assertThat(rose.achievement()).isCloseTo(-0.10, within(1e-12));
    assertThat(rose.status()).isEqualTo(ProgressStatus.OFF_TRACK);
    // fell below the target to −5 (say, a net balance): (−5 − 100) / −100 = 1.05
    assertThat(decreaseFrom100To0(-5).achievement()).isCloseTo(1.05, within(1e-12));
    // the same rise on an increase target is progress: 10 / 100 = 0.10
    assertThat(increaseFrom0To100(10).achievement()).isCloseTo(0.10, within(1e-12));
  }

  @Test
  void marginsAreConfigurable() {
    // With ON_TRACK from 0.5 − 0.05 = 0.45, an achievement of 0.42 is only AT_RISK.
    var strict = new Thresholds(0.05, 0.25, 2.0, 0.90, 3);
    CellProgress p =
        ProgressEngine.assess(
            cell(complaintsCount(), target(at(BASELINE, 0), at(FINAL, 100)), at("2025-04-01", 42)),
            day(AS_OF),
            strict);

    assertThat(p.status()).isEqualTo(ProgressStatus.AT_RISK);
    assertThat(increaseFrom0To100(42).status()).isEqualTo(ProgressStatus.ON_TRACK);
  }

  @Test
  void afterTheFinalDateTheWholeWayIsExpected() {
    // as-of past 2025-07-20: expected achievement clamps to 1, so ON_TRACK needs 0.90
    CellProgress p =
        ProgressEngine.assess(
            cell(complaintsCount(), target(at(BASELINE, 0), at(FINAL, 100)), at("2025-08-01", 89)),
            day("2025-08-15"));

    assertThat(p.expectedAchievement()).isEqualTo(1.0);
    assertThat(p.status()).isEqualTo(ProgressStatus.AT_RISK);
  }
}
