package org.atalaya.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.atalaya.progress.ProgressFixtures.at;
import static org.atalaya.progress.ProgressFixtures.complaintsCount;
import static org.atalaya.progress.ProgressFixtures.day;
import static org.atalaya.progress.ProgressFixtures.homicideRate;
import static org.atalaya.progress.ProgressFixtures.peopleSensitised;
import static org.atalaya.progress.ProgressFixtures.target;
import static org.atalaya.progress.ProgressFixtures.timelyCareMaintained;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The trend is checked against least squares written out here, and the t quantiles are table
 * values, so nothing of the engine's own arithmetic is reused to produce the expectations.
 */
class ForecasterTest {
  static final double T_95_DF4 = 2.131847; // t(0.95, 4)
  static final double T_975_DF4 = 2.776445; // t(0.975, 4)
  static final double T_95_DF1 = 6.313752; // t(0.95, 1)
  static final double TOL = 1e-6;

  // Monthly, Jan–Jun 2025 (x = 0..5): 10, 12, 13, 15, 18, 19. By hand: x̄ = 2.5, ȳ = 14.5,
  // Sxx = 17.5, Sxy = 32.5, slope = 13/7 = 1.857143, intercept = 14.5 − 2.5·13/7 = 69/7 = 9.857143,
  // residuals (1, 2, −4, −3, 5, −1)/7, SSE = 56/49 = 8/7, s² = SSE/4 = 2/7.
  // Final target date 2025-12-01 → x₀ = 11: ŷ = 212/7 = 30.285714,
  // se = √(2/7·(1 + 1/6 + 8.5²/17.5)) = 1.230010, 90 % half-width = 2.131847·se = 2.622194.
  static final double[] X = {0, 1, 2, 3, 4, 5};
  static final double[] Y = {10, 12, 13, 15, 18, 19};
  static final Ols FIT = Ols.fit(X, Y);
  static final double Y_HAT = FIT.predict(11);
  static final double SE = FIT.predictionSe(11);

  record Ols(double slope, double intercept, double meanX, double sxx, double s2, int n) {
    static Ols fit(double[] x, double[] y) {
      int n = x.length;
      double mx = 0;
      double my = 0;
      for (int i = 0; i < n; i++) {
        mx += x[i] / n;
        my += y[i] / n;
      }
      double sxx = 0;
      double sxy = 0;
      for (int i = 0; i < n; i++) {
        sxx += (x[i] - mx) * (x[i] - mx);
        sxy += (x[i] - mx) * (y[i] - my);
      }
      double b = sxy / sxx;
      double a = my - b * mx;
      double sse = 0;
      for (int i = 0; i < n; i++) {
        sse += (y[i] - a - b * x[i]) * (y[i] - a - b * x[i]);
      }
      return new Ols(b, a, mx, sxx, sse / (n - 2), n);
    }

    double predict(double x0) {
      return intercept + slope * x0;
    }

    double predictionSe(double x0) {
      return Math.sqrt(s2 * (1 + 1.0 / n + (x0 - meanX) * (x0 - meanX) / sxx));
    }
  }

  static Forecast forecast(IndicatorFacts facts, double goal, double... ys) {
    return forecast(facts, goal, Thresholds.DEFAULTS, ys);
  }

  static Forecast forecast(IndicatorFacts facts, double goal, Thresholds t, double... ys) {
    List<Point> obs = new ArrayList<>();
    for (int i = 0; i < ys.length; i++) {
      obs.add(new Point(day("2025-01-01").plusMonths(i), ys[i]));
    }
    var c = new Cell(facts, target(at("2025-01-01", ys[0]), at("2025-12-01", goal)), obs);
    return ProgressEngine.assess(c, day("2025-06-30"), t).forecast();
  }

  @Test
  void lineAndPredictionIntervalMatchTheTextbook() {
    Forecast.Projection p = forecast(complaintsCount(), 30, Y).projection();

    assertThat(FIT.slope()).isCloseTo(13.0 / 7, within(1e-12)); // the hand figures above
    assertThat(FIT.s2()).isCloseTo(2.0 / 7, within(1e-12));
    assertThat(p.points()).isEqualTo(6);
    assertThat(p.origin()).isEqualTo(day("2025-01-01"));
    assertThat(p.monthsToTarget()).isEqualTo(11.0);
    assertThat(p.slopePerMonth()).isCloseTo(FIT.slope(), within(TOL));
    assertThat(p.intercept()).isCloseTo(FIT.intercept(), within(TOL));
    assertThat(p.predicted()).isCloseTo(212.0 / 7, within(TOL));
    assertThat(p.standardError()).isCloseTo(SE, within(TOL));
    assertThat(p.lower()).isCloseTo(Y_HAT - T_95_DF4 * SE, within(TOL));
    assertThat(p.upper()).isCloseTo(Y_HAT + T_95_DF4 * SE, within(TOL));
    assertThat(p.upper() - p.lower()).isCloseTo(2 * 2.622194, within(1e-5));
  }

  @Test
  void theIntervalFollowsTheConfiguredLevel() {
    var at95 = new Thresholds(0.10, 0.25, 2.0, 0.95, 3);

    Forecast.Projection p = forecast(complaintsCount(), 30, at95, Y).projection();

    assertThat(p.upper()).isCloseTo(Y_HAT + T_975_DF4 * SE, within(TOL));
  }

  @Test
  void probabilityOfReachingTheTargetByDirection() {
    // INCREASE, target = ŷ − t(0.95)·se: P(Y ≥ target) = P(T ≥ −t(0.95)) = 0.95
    assertThat(forecast(complaintsCount(), Y_HAT - T_95_DF4 * SE, Y).projection().probability())
        .isCloseTo(0.95, within(TOL));
    // INCREASE, target = ŷ − t(0.975)·se: 0.975; target = ŷ: 0.5 by symmetry
    assertThat(forecast(complaintsCount(), Y_HAT - T_975_DF4 * SE, Y).projection().probability())
        .isCloseTo(0.975, within(TOL));
    assertThat(forecast(complaintsCount(), Y_HAT, Y).projection().probability())
        .isCloseTo(0.5, within(TOL));
    // DECREASE on the same line, target = ŷ − t(0.95)·se: P(Y ≤ target) = 0.05
    assertThat(forecast(homicideRate(), Y_HAT - T_95_DF4 * SE, Y).projection().probability())
        .isCloseTo(0.05, within(TOL));
    // MAINTAIN around ŷ with tolerance t(0.95)·se: P(|Y − ŷ| ≤ t·se) = 0.95 − 0.05 = 0.90
    IndicatorFacts maintain = timelyCareMaintained(T_95_DF4 * SE);
    assertThat(forecast(maintain, Y_HAT, Y).projection().probability())
        .isCloseTo(0.90, within(TOL));
  }

  @Test
  void cumulativeIndicatorsFitTheRunningTotal() {
    // People sensitised, baseline 2024-T4 = 0, final target 2027-12-31 = 1000.
    // Quarters 2025-T1..T3: 100, 120, 80 → running totals 100, 220, 300 at x = 0, 3, 6 months.
    // x̄ = 3, Sxx = 18, Sxy = (−3)(−106.67) + 0 + 3(93.33) = 600, slope = 33.33 per month,
    // intercept = 206.67 − 100 = 106.67, SSE = 6.67² + 13.33² + 6.67² = 266.67 = s² (df = 1).
    // x₀ = 2025-01-01 → 2027-12-31 = 35 months + 30/31 of December.
    var c =
        new Cell(
            peopleSensitised(),
            target(at("2024-10-01", 0), at("2027-12-31", 1000)),
            List.of(at("2025-01-01", 100), at("2025-04-01", 120), at("2025-07-01", 80)));
    Ols fit = Ols.fit(new double[] {0, 3, 6}, new double[] {100, 220, 300});
    double x0 = 35 + 30.0 / 31;

    Forecast.Projection p = ProgressEngine.assess(c, day("2025-09-30")).forecast().projection();

    assertThat(p.slopePerMonth()).isCloseTo(100.0 / 3, within(TOL));
    assertThat(p.monthsToTarget()).isCloseTo(x0, within(1e-12));
    assertThat(p.predicted()).isCloseTo(fit.predict(x0), within(TOL));
    // se ≈ 128 here, so the table t's six decimals (±5e-7) move the bound by up to ±6.4e-5
    double se = fit.predictionSe(x0);
    assertThat(p.lower()).isCloseTo(fit.predict(x0) - T_95_DF1 * se, within(1e-6 * se));
  }

  @Test
  void aSeriesExactlyOnItsLineIsCertain() {
    // 10, 12, 14 → ŷ(11) = 32 with no spread
    Forecast.Projection p = forecast(complaintsCount(), 32, 10, 12, 14).projection();

    assertThat(p.predicted()).isCloseTo(32, within(TOL));
    assertThat(p.lower()).isCloseTo(32, within(TOL));
    assertThat(p.probability()).isEqualTo(1.0);
    assertThat(forecast(complaintsCount(), 33, 10, 12, 14).projection().probability()).isZero();
  }

  @Test
  void noForecastSaysWhy() {
    assertThat(forecast(complaintsCount(), 30, 10, 12).outcome())
        .isEqualTo(Forecast.Outcome.TOO_FEW_POINTS);
    assertThat(forecast(complaintsCount(), 30, 10, 12).projection()).isNull();
    var four = new Thresholds(0.10, 0.25, 2.0, 0.90, 4);
    assertThat(forecast(complaintsCount(), 30, four, 10, 12, 13).outcome())
        .isEqualTo(Forecast.Outcome.TOO_FEW_POINTS);

    var c =
        new Cell(
            complaintsCount(),
            target(at("2025-01-01", 10), at("2025-06-01", 30)),
            List.of(at("2025-01-01", 10), at("2025-02-01", 12), at("2025-03-01", 13)));
    assertThat(ProgressEngine.assess(c, day("2025-06-01")).forecast().outcome())
        .isEqualTo(Forecast.Outcome.TARGET_DATE_NOT_AFTER_AS_OF);
  }
}
