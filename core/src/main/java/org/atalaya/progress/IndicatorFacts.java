package org.atalaya.progress;

import java.util.Objects;
import org.atalaya.indicator.Accumulation;
import org.atalaya.indicator.Direction;
import org.atalaya.indicator.Frequency;
import org.atalaya.indicator.IndicatorKind;

/**
 * What the engine needs to know about a cell's indicator. {@code tolerance} (nullable) is the
 * half-width of the band a MAINTAIN indicator must stay in, in the indicator's unit; the other
 * directions ignore it.
 */
public record IndicatorFacts(
    IndicatorKind kind,
    Direction direction,
    Accumulation accumulation,
    Frequency frequency,
    Double tolerance) {
  public IndicatorFacts {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(accumulation, "accumulation");
    Objects.requireNonNull(frequency, "frequency");
    if (tolerance != null && !(Double.isFinite(tolerance) && tolerance >= 0)) {
      throw new IllegalArgumentException("tolerance must be zero or more: " + tolerance);
    }
  }

  /**
   * The band's half-width. The indicator catalogue lets a MAINTAIN indicator be saved without a
   * tolerance; reading that as "hold the level exactly" keeps one incomplete definition from
   * failing a whole plan's report, and the strict band makes the gap visible in its status.
   */
  public double band() {
    return tolerance == null ? 0 : tolerance;
  }
}
