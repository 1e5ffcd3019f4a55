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
  void marshallIsThePosteriorMeanOfAGammaPriorWithItsMoments() {
    // An independent formulation: Marshall's m and A are the mean and variance of a gamma prior
    // Γ(shape ν = m²/A, rate α = m/A) on each area's rate; with x ~ Poisson(n·θ) the posterior
    // mean of θ is (x + ν)/(n + α) (the conjugate gamma–Poisson pair, e.g. Clayton & Kaldor 1987).
    // The moments are computed here from the areas, not read from our estimator.
    long[] x = {3, 0, 12, 60, 9};
    double[] n = {2_000, 2_500, 30_000, 40_000, 6_000};
    double sx = 0;
    double sn = 0;
    for (int i = 0; i < x.length; i++) {
      sx += x[i];
      sn += n[i];
    }
    double m = sx / sn;
    double s2 = 0;
    for (int i = 0; i < x.length; i++) {
      s2 += n[i] * Math.pow(x[i] / n[i] - m, 2) / sn;
    }
    double a = s2 - m / (sn / x.length);
    assertThat(a).as("these places vary more than chance").isPositive();
    double shape = m * m / a;
    double rate = m / a;
    List<Marshall.Area> areas = new java.util.ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      areas.add(new Marshall.Area(x[i], n[i]));
    }
    Marshall.Estimate estimate = Marshall.estimate(areas);
    assertThat(estimate.pooledOnly()).isFalse();
    assertThat(estimate.between()).isCloseTo(a, within(1e-15));
    for (int i = 0; i < x.length; i++) {
      assertThat(estimate.rates().get(i))
          .as("area %d", i)
          .isCloseTo((x[i] + shape) / (n[i] + rate), within(1e-12));
    }
  }

  @Test
  void aTableWhoseRatesVaryNoMoreThanChanceSaysSoInWords() {
    // The zero-variance case: every smoothed rate is the pooled one, and the page says why.
    Marshall.Estimate flat =
        Marshall.estimate(
            List.of(
                new Marshall.Area(2, 4_000),
                new Marshall.Area(0, 2_500),
                new Marshall.Area(15, 30_000),
                new Marshall.Area(40, 60_000)));
    assertThat(flat.pooledOnly()).isTrue();
    assertThat(flat.pooled() * 100_000).isCloseTo(59.067357513, within(1e-8));
    SmallAreas.Row row =
        new SmallAreas.Row(
            "X-01", "Uno", Mark.SHOWN, 2L, 4_000.0, 50.0, 6.1, 180.6, 59.07, true, false);
    var table =
        new SmallAreas.Table(
            "X", java.time.LocalDate.of(2025, 1, 1), "2025", 0.95, 20, 0.3, true, List.of(row));
    var es = java.util.Locale.forLanguageTag("es-PA");
    assertThat(SmallAreaText.explain(table, "web.rates.explain", 4, es))
        .contains(
            "«Pocos casos»: una tasa calculada con menos de 20 casos o con un coeficiente"
                + " de variación mayor que 30 %")
        .endsWith(
            "Sin variación entre corregimientos mayor que la del azar: todas las tasas suavizadas"
                + " son iguales a la del conjunto de corregimientos.");
    var varied =
        new SmallAreas.Table(
            "X", java.time.LocalDate.of(2025, 1, 1), "2025", 0.95, 20, 0.3, false, List.of(row));
    assertThat(SmallAreaText.explain(varied, "web.rates.explain", 4, es))
        .doesNotContain("Sin variación");
  }

  @Test
  void impossibleInputIsRefusedInWords() {
    assertThatThrownBy(() -> PoissonLimits.of(-1, 0.95)).hasMessageContaining("negative");
    assertThatThrownBy(() -> new Marshall.Area(1, 0)).hasMessageContaining("population > 0");
    assertThat(Marshall.smooth(List.of())).isEmpty();
  }
}
