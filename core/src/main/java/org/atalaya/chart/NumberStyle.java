package org.atalaya.chart;

import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * How a chart's values read: plain numbers with a fixed count of decimals, or proportions (0.457)
 * shown as percentages (45.7 %), always through the locale's {@link NumberFormat}.
 */
public record NumberStyle(boolean percent, int decimals) {
  public static final NumberStyle INTEGER = new NumberStyle(false, 0);
  public static final NumberStyle ONE_DECIMAL = new NumberStyle(false, 1);
  public static final NumberStyle PERCENT = new NumberStyle(true, 1);

  public NumberStyle {
    if (decimals < 0 || decimals > 6) {
      throw new IllegalArgumentException("decimals must be between 0 and 6");
    }
  }

  /** A new format each time: {@link NumberFormat} is not thread-safe. */
  NumberFormat format(Locale locale) {
    NumberFormat format =
        percent ? NumberFormat.getPercentInstance(locale) : NumberFormat.getNumberInstance(locale);
    format.setMinimumFractionDigits(decimals);
    format.setMaximumFractionDigits(decimals);
    format.setRoundingMode(RoundingMode.HALF_UP);
    return new UnsignedZero(format);
  }
}
