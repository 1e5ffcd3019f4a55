package org.atalaya.progress;

import java.time.LocalDate;

/**
 * The observed trend projected to the final target date, or why there is none.
 *
 * @param projection present exactly when {@code outcome} is PROJECTED
 */
public record Forecast(Outcome outcome, Projection projection) {
  public enum Outcome {
    PROJECTED,
    NO_TARGET,
    TARGET_DATE_NOT_AFTER_AS_OF,
    TOO_FEW_POINTS
  }

  /**
   * A least-squares line y = intercept + slope·x, x in months since {@code origin} (the first
   * observed period), evaluated at the final target date.
   *
   * @param monthsToTarget x at the target date; whole months plus the elapsed fraction of the last
   * @param standardError of a new value at the target date: s·√(1 + 1/n + (x₀−x̄)²/Sxx)
   * @param lower {@code predicted − t·standardError}, t the Student quantile for {@code level}
   * @param probability of reaching the target under the t predictive distribution with n−2 degrees
   *     of freedom: P(Y ≥ target) to increase, P(Y ≤ target) to decrease, P(|Y − target| ≤
   *     tolerance) to maintain
   */
  public record Projection(
      LocalDate origin,
      int points,
      double slopePerMonth,
      double intercept,
      LocalDate targetDate,
      double monthsToTarget,
      double predicted,
      double standardError,
      double level,
      double lower,
      double upper,
      double probability) {}

  public Forecast {
    if (outcome == null || (outcome == Outcome.PROJECTED) != (projection != null)) {
      throw new IllegalArgumentException("a projection comes with, and only with, PROJECTED");
    }
  }

  public static Forecast none(Outcome why) {
    return new Forecast(why, null);
  }

  static Forecast projected(Projection projection) {
    return new Forecast(Outcome.PROJECTED, projection);
  }
}
