package org.atalaya.progress;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.atalaya.indicator.Direction;

/**
 * Straight-line trend over the observed series, projected to the final target date. Time is in
 * months since the first observed period because every frequency's periods start on a month's first
 * day, so monthly, quarterly and annual series all get whole-number x and a slope per month.
 */
final class Forecaster {
  private Forecaster() {}

  static Forecast forecast(
      IndicatorFacts facts,
      TargetSeries target,
      List<Point> series,
      LocalDate asOf,
      Thresholds thresholds) {
    if (target == null) {
      return Forecast.none(Forecast.Outcome.NO_TARGET);
    }
    LocalDate targetDate = target.target().date();
    if (!targetDate.isAfter(asOf)) {
      return Forecast.none(Forecast.Outcome.TARGET_DATE_NOT_AFTER_AS_OF);
    }
    if (series.size() < thresholds.minForecastPoints()) {
      return Forecast.none(Forecast.Outcome.TOO_FEW_POINTS);
    }
    LocalDate origin = series.get(0).date();
    SimpleRegression regression = new SimpleRegression();
    double sumX = 0;
    for (Point p : series) {
      double x = months(origin, p.date());
      regression.addData(x, p.value());
      sumX += x;
    }
    int n = series.size();
    double meanX = sumX / n;
    double x0 = months(origin, targetDate);
    double predicted = regression.predict(x0);
    double s2 = regression.getMeanSquareError();
    double leverage = 1 + 1.0 / n + (x0 - meanX) * (x0 - meanX) / regression.getXSumSquares();
    double se = Math.sqrt(s2 * leverage);
    TDistribution t = new TDistribution(n - 2);
    double half = t.inverseCumulativeProbability(0.5 + thresholds.predictionLevel() / 2) * se;
    double probability = probability(facts, target.target().value(), predicted, se, t);
    return Forecast.projected(
        new Forecast.Projection(
            origin,
            n,
            regression.getSlope(),
            regression.getIntercept(),
            targetDate,
            x0,
            predicted,
            se,
            thresholds.predictionLevel(),
            predicted - half,
            predicted + half,
            probability));
  }

  /**
   * Y = predicted + se·T with T ~ t(n−2). A series that lies exactly on its line has no spread;
   * then the projection is certain and the answer is 0 or 1.
   */
  private static double probability(
      IndicatorFacts facts, double goal, double predicted, double se, TDistribution t) {
    Direction direction = facts.direction();
    if (se == 0) {
      boolean reached =
          switch (direction) {
            case INCREASE -> predicted >= goal;
            case DECREASE -> predicted <= goal;
            case MAINTAIN -> Math.abs(predicted - goal) <= facts.band();
          };
      return reached ? 1 : 0;
    }
    return switch (direction) {
      case INCREASE -> 1 - t.cumulativeProbability((goal - predicted) / se);
      case DECREASE -> t.cumulativeProbability((goal - predicted) / se);
      case MAINTAIN ->
          t.cumulativeProbability((goal + facts.band() - predicted) / se)
              - t.cumulativeProbability((goal - facts.band() - predicted) / se);
    };
  }

  /** Whole months from {@code from} to {@code to}, plus the elapsed fraction of the last month. */
  static double months(LocalDate from, LocalDate to) {
    long whole = ChronoUnit.MONTHS.between(from, to);
    LocalDate start = from.plusMonths(whole);
    return whole + ChronoUnit.DAYS.between(start, to) / (double) start.lengthOfMonth();
  }
}
