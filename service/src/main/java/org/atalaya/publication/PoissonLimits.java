package org.atalaya.publication;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Exact (Garwood, 1936) confidence limits for a Poisson count: for {@code k} events the lower limit
 * is χ²(α/2; 2k)/2 (zero when k = 0) and the upper χ²(1 − α/2; 2k + 2)/2. A rate's limits are the
 * count's limits over the population, times the rate's base. Exact, not a normal approximation, so
 * it holds for the handful of events of a small corregimiento.
 */
public final class PoissonLimits {
  private PoissonLimits() {}

  /** The limits of a count of events. */
  public record Interval(double lower, double upper) {
    /** The limits of a rate: these counts per {@code population}, times {@code base}. */
    public Interval perPopulation(double population, double base) {
      return new Interval(lower / population * base, upper / population * base);
    }
  }

  /** Limits at {@code level} (0.95 for 95 %) for {@code events} ≥ 0. */
  public static Interval of(long events, double level) {
    if (events < 0) {
      throw new IllegalArgumentException("a count of events cannot be negative: " + events);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("a confidence level lies between 0 and 1: " + level);
    }
    double alpha = 1 - level;
    double lower =
        events == 0
            ? 0
            : new ChiSquaredDistribution(null, 2.0 * events).inverseCumulativeProbability(alpha / 2)
                / 2;
    double upper =
        new ChiSquaredDistribution(null, 2.0 * events + 2)
                .inverseCumulativeProbability(1 - alpha / 2)
            / 2;
    return new Interval(lower, upper);
  }

  /**
   * The coefficient of variation of a rate from {@code events} Poisson events: 1/√k (infinite for
   * none).
   */
  public static double cv(long events) {
    return events == 0 ? Double.POSITIVE_INFINITY : 1 / Math.sqrt(events);
  }
}
