package org.atalaya.web.chart;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.atalaya.indicator.Frequency;
import org.atalaya.shared.Messages;

/** A figure's period as a map names it: "2025", "mar. 2026", "T1 2026". */
public final class MapPeriods {
  private MapPeriods() {}

  public static String label(Frequency frequency, LocalDate period, Locale locale) {
    LocalDate start = frequency.startOf(period);
    return switch (frequency) {
      case ANNUAL -> Integer.toString(start.getYear());
      case QUARTERLY ->
          Messages.format(
              locale,
              "web.chart.quarter",
              (start.getMonthValue() - 1) / 3 + 1,
              Integer.toString(start.getYear()));
      case MONTHLY -> DateTimeFormatter.ofPattern("MMM yyyy", locale).format(start);
    };
  }
}
