package org.atalaya.progress;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A value on a day: an observation (the day is its period's first day), a baseline, a milestone or
 * a final target. Values are doubles throughout the engine because the statistics are; the API
 * layer converts from and to the stored decimals.
 */
public record Point(LocalDate date, double value) {
  public Point {
    Objects.requireNonNull(date, "date");
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value must be a finite number: " + value);
    }
  }
}
