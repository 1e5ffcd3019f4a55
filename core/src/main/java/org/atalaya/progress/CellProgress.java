package org.atalaya.progress;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Progress of one cell on its as-of date. Figures that cannot exist for the status are null:
 * baseline, target and the expected figures without a target; latest without data; achievement
 * unless the status is assessed. {@link #status} says which case applies.
 *
 * @param latest by the accumulation rule; for CUMULATIVE the running total since the baseline
 * @param expectedValue what the trajectory asks for at the end of the latest value's period (or on
 *     the as-of date while that period is open)
 * @param achievement (latest − baseline) / (target − baseline); see {@link ProgressEngine} for
 *     MAINTAIN and for a target equal to the baseline
 * @param expectedAchievement the same ratio for the expected value
 */
public record CellProgress(
    LocalDate asOf,
    ProgressStatus status,
    Point baseline,
    Point latest,
    Point target,
    Double expectedValue,
    Double achievement,
    Double expectedAchievement,
    Forecast forecast) {
  public CellProgress {
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(forecast, "forecast");
    if (status.assessed() != (achievement != null)) {
      throw new IllegalArgumentException("an achievement comes with, and only with, an assessment");
    }
  }
}
