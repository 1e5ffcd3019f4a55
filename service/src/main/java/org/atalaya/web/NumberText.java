package org.atalaya.web;

import io.micronaut.core.annotation.Nullable;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Locale;
import org.atalaya.shared.Dates;

/** Numbers, percentages and dates as the page's language writes them (es-PA: 1.234,5 · 45,7 %). */
public final class NumberText {
  private NumberText() {}

  public static String number(@Nullable Double value, int decimals, Locale locale) {
    if (value == null) {
      return "—";
    }
    NumberFormat f = NumberFormat.getNumberInstance(locale);
    f.setMinimumFractionDigits(decimals);
    f.setMaximumFractionDigits(decimals);
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f.format(value);
  }

  /** A ratio (0.457) as a percentage (45,7 %). */
  public static String percent(@Nullable Double ratio, Locale locale) {
    if (ratio == null) {
      return "—";
    }
    NumberFormat f = NumberFormat.getPercentInstance(locale);
    f.setMinimumFractionDigits(1);
    f.setMaximumFractionDigits(1);
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f.format(ratio);
  }

  public static String date(@Nullable LocalDate date, Locale locale) {
    return Dates.day(date, locale);
  }
}
