package org.atalaya.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a report accounts for: a year ({@code 2025}), a half ({@code 2025-S1}), a quarter
 * ({@code 2025-T2}) or a month ({@code 2025-07}). Its last day is the report's data cut-off: every
 * figure is as of that date.
 */
record ReportPeriod(String code, Kind kind, LocalDate start, LocalDate end) {
  enum Kind {
    YEAR,
    HALF,
    QUARTER,
    MONTH
  }

  private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-(S[12]|T[1-4]|\\d{2}))?");

  ReportPeriod {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(kind, "kind");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("a period ends after it starts");
    }
  }

  /** Refuses anything else with a 400 naming the accepted forms. */
  static ReportPeriod parse(String text) {
    Matcher m = text == null ? null : FORM.matcher(text.strip());
    if (m == null || !m.matches()) {
      throw ReportProblems.period(text);
    }
    int year = Integer.parseInt(m.group(1));
    String part = m.group(2);
    if (year < 1900 || year > 2200) {
      throw ReportProblems.period(text);
    }
    if (part == null) {
      return new ReportPeriod(
          m.group(), Kind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }
    int n =
        Integer.parseInt(part.substring(part.charAt(0) == 'S' || part.charAt(0) == 'T' ? 1 : 0));
    return switch (part.charAt(0)) {
      case 'S' -> months(m.group(), Kind.HALF, year, 6 * (n - 1) + 1, 6);
      case 'T' -> months(m.group(), Kind.QUARTER, year, 3 * (n - 1) + 1, 3);
      default -> {
        if (n < 1 || n > 12) {
          throw ReportProblems.period(text);
        }
        yield months(m.group(), Kind.MONTH, year, n, 1);
      }
    };
  }

  private static ReportPeriod months(String code, Kind kind, int year, int first, int count) {
    YearMonth from = YearMonth.of(year, first);
    return new ReportPeriod(code, kind, from.atDay(1), from.plusMonths(count - 1L).atEndOfMonth());
  }

  boolean contains(LocalDate day) {
    return !day.isBefore(start) && !day.isAfter(end);
  }

  /** The cut-off date: the period's last day. */
  LocalDate asOf() {
    return end;
  }
}
