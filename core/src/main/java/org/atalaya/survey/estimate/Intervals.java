package org.atalaya.survey.estimate;

import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * 95 % confidence intervals as the reference tables build them, with Student's t on the design df.
 */
final class Intervals {
  /** Quantiles by df: a survey has few distinct df and each inversion costs a root search. */
  private static final ConcurrentHashMap<Integer, Double> T975 = new ConcurrentHashMap<>();

  private Intervals() {}

  static double t975(int df) {
    return T975.computeIfAbsent(df, k -> student(k).inverseCumulativeProbability(0.975));
  }

  /** Student's t without a random generator (never sampled), inverted to 1e-13. */
  static TDistribution student(int df) {
    return new TDistribution(null, df, 1e-13);
  }

  /** [lower, upper] for a proportion: logit(p) ± t·se/(p(1−p)), back-transformed. */
  static double[] logit(double p, double se, int df) {
    double centre = Math.log(p / (1 - p));
    double half = t975(df) * se / (p * (1 - p));
    return new double[] {expit(centre - half), expit(centre + half)};
  }

  /** [lower, upper] = estimate ± t·se, for means and totals. */
  static double[] symmetric(double estimate, double se, int df) {
    double half = t975(df) * se;
    return new double[] {estimate - half, estimate + half};
  }

  private static double expit(double x) {
    return 1 / (1 + Math.exp(-x));
  }
}
