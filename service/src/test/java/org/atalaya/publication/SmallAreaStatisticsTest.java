package org.atalaya.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The small-area statistics against references computed outside our code.
 *
 * <p>Garwood's exact 95 % limits are those of the published tables (e.g. Ulm, Am J Epidemiol 1990;
 * 131:373; the table of exact Poisson limits in Rothman &amp; Greenland, Modern Epidemiology), here
 * to the digits R 4 gives with {@code qchisq(0.025, 2k)/2, qchisq(0.975, 2k+2)/2}.
 *
 * <p>Marshall's smoothed rates were computed in R 4 with the formulas of Marshall (1991), as
 * spdep's {@code EBest(n, x)} writes them: {@code p <- x/n; m <- sum(x)/sum(n); s2 <-
 * sum(n*(p-m)^2)/sum(n); a <- max(0, s2 - m/mean(n)); m + a*(p-m)/(a + m/n)}.
 */
class SmallAreaStatisticsTest {

  @Test
  void garwoodLimitsMatchThePublishedTable() {
    // events, lower, upper: the 95 % exact limits of the textbook table.
    double[][] table = {
      {0, 0, 3.688879454},
      {1, 0.02531780798, 5.571643391},
      {2, 0.24220927854, 7.224687668},
      {5, 1.62348639012, 11.668332079},
      {10, 4.79538869613, 18.390356042},
      {20, 12.21651958540, 30.888377903}
    };
    for (double[] row : table) {
      PoissonLimits.Interval i = PoissonLimits.of((long) row[0], 0.95);
      assertThat(i.lower()).as("lower limit for %s events", row[0]).isCloseTo(row[1], within(1e-6));
      assertThat(i.upper()).as("upper limit for %s events", row[0]).isCloseTo(row[2], within(1e-6));
    }
  }

  @Test
  void aRateFromTwoDeathsInASmallPlaceHasAWideInterval() {
    // The example: 2 homicides in 7 722 people read as 25.9 per 100 000.
    PoissonLimits.Interval rate = PoissonLimits.of(2, 0.95).perPopulation(7_722, 100_000);
    assertThat(rate.lower()).isCloseTo(3.14, within(0.01));
    assertThat(rate.upper()).isCloseTo(93.56, within(0.01));
    assertThat(PoissonLimits.cv(2)).isCloseTo(0.7071, within(1e-4));
  }

  @Test
  void marshallShrinksSmallPlacesTowardsThePooledRate() {
    List<Double> smoothed =
        Marshall.smooth(
            List.of(
                new Marshall.Area(3, 2_000),
                new Marshall.Area(0, 2_500),
                new Marshall.Area(12, 30_000),
                new Marshall.Area(60, 40_000),
                new Marshall.Area(9, 6_000)));
    double[] r = {119.0395956192, 65.4970760234, 47.9265493497, 145.6483126110, 131.1635058944};
    for (int i = 0; i < r.length; i++) {
      assertThat(smoothed.get(i) * 100_000).as("area %d", i).isCloseTo(r[i], within(1e-8));
    }
  }

  @Test
  void whenTheRatesVaryNoMoreThanChanceEveryPlaceGetsThePooledRate() {
    // R: the same formulas give a = 0 (s² below m/n̄) and 59.067357513 per 100 000 everywhere.
    List<Double> smoothed =
        Marshall.smooth(
            List.of(
                new Marshall.Area(2, 4_000),
                new Marshall.Area(0, 2_500),
                new Marshall.Area(15, 30_000),
                new Marshall.Area(40, 60_000)));
    assertThat(smoothed)
        .allSatisfy(v -> assertThat(v * 100_000).isCloseTo(59.067357513, within(1e-8)));
  }

  @Test
  void impossibleInputIsRefusedInWords() {
    assertThatThrownBy(() -> PoissonLimits.of(-1, 0.95)).hasMessageContaining("negative");
    assertThatThrownBy(() -> new Marshall.Area(1, 0)).hasMessageContaining("population > 0");
    assertThat(Marshall.smooth(List.of())).isEmpty();
  }
}
