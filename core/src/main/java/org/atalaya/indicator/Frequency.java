package org.atalaya.indicator;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How often an indicator is measured. A period is stored as its first day; people write it as
 * {@code 2025-03} (month), {@code 2025-T1} or {@code 2025-Q1} (quarter), {@code 2025} (year), or as
 * the first day itself.
 */
public enum Frequency {
  MONTHLY,
  QUARTERLY,
  ANNUAL;

  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[TQtq]([1-4])");

  public boolean isStart(LocalDate day) {
    return day.getDayOfMonth() == 1
        && switch (this) {
          case MONTHLY -> true;
          case QUARTERLY -> (day.getMonthValue() - 1) % 3 == 0;
          case ANNUAL -> day.getMonthValue() == 1;
        };
  }

  /** The first day of the period that contains {@code day}. */
  public LocalDate startOf(LocalDate day) {
    return switch (this) {
      case MONTHLY -> day.withDayOfMonth(1);
      case QUARTERLY -> LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1);
      case ANNUAL -> LocalDate.of(day.getYear(), 1, 1);
    };
  }

  public LocalDate next(LocalDate start) {
    return switch (this) {
      case MONTHLY -> start.plusMonths(1);
      case QUARTERLY -> start.plusMonths(3);
      case ANNUAL -> start.plusYears(1);
    };
  }

  /** The period's first day, or empty when the text is not a period of this frequency. */
  /** Years 1–9999 only: year 0, negative years and longer ones are no period anyone measured. */
  public Optional<LocalDate> parse(String text) {
    return parseAnyYear(text).filter(d -> d.getYear() >= 1 && d.getYear() <= 9999);
  }

  private Optional<LocalDate> parseAnyYear(String text) {
    String t = text.trim();
    Matcher m;
    if (this == ANNUAL && (m = YEAR.matcher(t)).matches()) {
      return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), 1, 1));
    }
    if (this == MONTHLY && (m = MONTH.matcher(t)).matches()) {
      int month = Integer.parseInt(m.group(2));
      return month >= 1 && month <= 12
          ? Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), month, 1))
          : Optional.empty();
    }
    if (this == QUARTERLY && (m = QUARTER.matcher(t)).matches()) {
      int quarter = Integer.parseInt(m.group(2));
      return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), (quarter - 1) * 3 + 1, 1));
    }
    try {
      LocalDate day = LocalDate.parse(t);
      return isStart(day) ? Optional.of(day) : Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  public String label(LocalDate start) {
    return switch (this) {
      // Not String.format: a plan's progress labels tens of thousands of periods.
      case MONTHLY ->
          start.getYear() + (start.getMonthValue() < 10 ? "-0" : "-") + start.getMonthValue();
      case QUARTERLY -> start.getYear() + "-T" + ((start.getMonthValue() - 1) / 3 + 1);
      case ANNUAL -> Integer.toString(start.getYear());
    };
  }
}
