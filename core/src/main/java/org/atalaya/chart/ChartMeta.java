package org.atalaya.chart;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What every chart states in print: its title, the unit of its values, where the data come from and
 * the date they run to, so that a chart cut out of a report still says what it shows.
 */
public record ChartMeta(
    String title, String unit, String source, LocalDate asOf, NumberStyle numbers) {
  public ChartMeta {
    title = required(title, "title");
    unit = required(unit, "unit");
    source = required(source, "source");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(numbers, "numbers");
  }

  static String required(String text, String name) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return text.strip();
  }
}
