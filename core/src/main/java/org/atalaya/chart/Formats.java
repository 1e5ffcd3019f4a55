package org.atalaya.chart;

import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.atalaya.shared.Dates;

/**
 * Numbers, dates and words of one chart in one locale. Dates follow the locale's own month names
 * (es-PA writes "31 dic. 2025", English "31 Dec 2025"); numbers follow its {@link NumberFormat}
 * (es-PA, like the rest of Panama's official statistics, writes a decimal point: 1,234.5).
 */
final class Formats {
  static final TimeZone UTC = TimeZone.getTimeZone("UTC");

  final Locale locale;
  private final NumberFormat numbers;
  private final DateTimeFormatter day;
  private final NumberStyle style;
  final ChartText words;

  Formats(Locale locale, NumberStyle style, ChartText words) {
    this.locale = locale;
    this.style = style;
    this.words = words;
    this.numbers = style.format(locale);
    this.day = Dates.day(locale);
  }

  String number(double value) {
    return numbers.format(value);
  }

  String number(Double value) {
    return value == null ? "" : numbers.format(value);
  }

  /** A confidence or prediction level, 0.95 as "95 %". */
  String percent(double fraction) {
    NumberFormat format = NumberFormat.getPercentInstance(locale);
    format.setMaximumFractionDigits(1);
    return format.format(fraction);
  }

  /** Values written without decimals (counts): an axis must not tick at 0.5 and print "1" twice. */
  boolean whole() {
    return style.decimals() == 0 && !style.percent();
  }

  NumberFormat numberFormat() {
    return (NumberFormat) numbers.clone();
  }

  String date(LocalDate date) {
    return day.format(date);
  }

  /** A period by its start: the year alone for yearly data, month and year otherwise. */
  String period(LocalDate start, boolean yearly) {
    return DateTimeFormatter.ofPattern(yearly ? "yyyy" : "MMM yyyy", locale).format(start);
  }

  /** The axis' label format, the same words as {@link #period}. */
  SimpleDateFormat axisFormat(boolean yearly) {
    SimpleDateFormat format = new SimpleDateFormat(yearly ? "yyyy" : "MMM yyyy", locale);
    format.setTimeZone(UTC);
    return format;
  }

  String text(String key, Object... args) {
    return words.format(locale, key, args);
  }

  static boolean yearly(List<ChartPoint> points) {
    return points.stream().allMatch(p -> p.period().getDayOfYear() == 1);
  }

  static long millis(LocalDate date) {
    return date.toEpochDay() * 86_400_000L;
  }
}
