package org.atalaya.indicator;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Target periods as people type them: {@code 2025-03}, {@code 2025-T1} (or {@code 2025-Q1}), {@code
 * 2025}, or a full date. A baseline is a measured period, so it is stored as the period's first
 * day, the key its measurement has. A milestone or a final target is due at the <em>end</em> of its
 * period: a 2025-T1 target is what must hold on 31 March 2025, a 2025 target on 31 December 2025.
 */
public final class TargetPeriods {
  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[TQtq]([1-4])");

  private TargetPeriods() {}

  /** The baseline period's first day, in the indicator's frequency; empty when unreadable. */
  public static Optional<LocalDate> baseline(Frequency frequency, String text) {
    return frequency.parse(text);
  }

  /** The day a milestone or target typed as a period (or a date) is due; empty when unreadable. */
  public static Optional<LocalDate> due(String text) {
    String t = text.strip();
    Matcher m;
    if ((m = YEAR.matcher(t)).matches()) {
      return year(m.group(1)).map(y -> LocalDate.of(y, 12, 31));
    }
    if ((m = QUARTER.matcher(t)).matches()) {
      int q = Integer.parseInt(m.group(2));
      return year(m.group(1)).map(y -> LocalDate.of(y, q * 3, 1).plusMonths(1).minusDays(1));
    }
    if ((m = MONTH.matcher(t)).matches()) {
      int month = Integer.parseInt(m.group(2));
      if (month < 1 || month > 12) {
        return Optional.empty();
      }
      return year(m.group(1)).map(y -> LocalDate.of(y, month, 1).plusMonths(1).minusDays(1));
    }
    try {
      return Optional.of(LocalDate.parse(t)).filter(d -> d.getYear() >= 1 && d.getYear() <= 9999);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * A due date written back as the period it ends, in the indicator's frequency, else as a date.
   */
  public static String dueLabel(Frequency frequency, LocalDate day) {
    boolean monthEnd = day.plusDays(1).getDayOfMonth() == 1;
    LocalDate start = frequency.startOf(day);
    boolean periodEnd = monthEnd && frequency.next(start).minusDays(1).equals(day);
    return periodEnd ? frequency.label(start) : day.toString();
  }

  /** A baseline written back as its period when it is one, else as a date. */
  public static String baselineLabel(Frequency frequency, LocalDate day) {
    return frequency.isStart(day) ? frequency.label(day) : day.toString();
  }

  private static Optional<Integer> year(String digits) {
    int y = Integer.parseInt(digits);
    return y >= 1 ? Optional.of(y) : Optional.empty();
  }
}
