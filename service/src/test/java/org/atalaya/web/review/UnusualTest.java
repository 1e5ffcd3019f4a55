package org.atalaya.web.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The modified z-score against figures worked by hand from its definition (Iglewicz and Hoaglin,
 * 1993; NIST/SEMATECH e-Handbook 1.3.5.17), not against the class's own output.
 */
class UnusualTest {
  @Test
  void aMonthFarFromItsSeriesScoresAboveThreeAndAHalf() {
    // median 11; absolute deviations 1,0,1,1,0,1,49 → MAD 1; M = 0.6745 × 49 / 1 = 33.0505
    var series = List.of(10.0, 11.0, 12.0, 10.0, 11.0, 12.0, 60.0);
    var score = Unusual.score(60, series);
    assertThat(score.getAsDouble()).isCloseTo(33.0505, within(1e-9));
    assertThat(Unusual.flagged(score)).isTrue();
    // the same series' 12: M = 0.6745 × 1 / 1
    assertThat(Unusual.score(12, series).getAsDouble()).isCloseTo(0.6745, within(1e-9));
    assertThat(Unusual.flagged(Unusual.score(12, series))).isFalse();
  }

  @Test
  void anEvenSeriesTakesTheMeanOfTheMiddleTwo() {
    // median (4 + 6) / 2 = 5; deviations 3,1,1,3,5,15 → MAD (3 + 3) / 2 = 3; M(20) = 0.6745 × 15 /
    // 3
    var series = List.of(2.0, 4.0, 6.0, 8.0, 10.0, 20.0);
    assertThat(Unusual.score(20, series).getAsDouble()).isCloseTo(0.6745 * 13 / 3, within(1e-9));
    assertThat(Unusual.flagged(Unusual.score(20, series))).isFalse();
  }

  @Test
  void aFlatSeriesFallsBackToTheMeanDeviationAndAShortOneIsNotJudged() {
    // median 5, MAD 0; mean absolute deviation 25 / 7; M = 25 / (1.253314 × 25 / 7) = 5.5851…
    var series = List.of(5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 30.0);
    assertThat(Unusual.score(30, series).getAsDouble()).isCloseTo(7 / 1.253314, within(1e-9));
    assertThat(Unusual.score(5, List.of(5.0, 5.0, 5.0, 5.0, 5.0, 5.0))).isEmpty();
    assertThat(Unusual.score(60, List.of(1.0, 2.0, 60.0))).isEmpty();
  }
}
