package org.atalaya.calendar;

import java.time.LocalDate;
import org.atalaya.indicator.Frequency;

/**
 * When a period's figures are due: {@code days} after the period ends (the setting {@code
 * atalaya.calendar.reporting-delay-days}, 30 by default), so March's figures are due on 30 April.
 */
public record ReportingDelay(int days) {
  public ReportingDelay {
    if (days < 0) {
      throw new IllegalArgumentException("reporting delay must not be negative: " + days);
    }
  }

  /** The period's last day. */
  public static LocalDate end(Frequency frequency, LocalDate start) {
    return frequency.next(start).minusDays(1);
  }

  /** The last day on which the period's figures are on time. */
  public LocalDate due(Frequency frequency, LocalDate start) {
    return end(frequency, start).plusDays(days);
  }
}
