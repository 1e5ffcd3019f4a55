package org.atalaya.publication;

import io.micronaut.core.annotation.Nullable;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import org.atalaya.indicator.IndicatorKind;
import org.atalaya.shared.Messages;

/**
 * A figure in words, the same on every page, table and report: counts whole, everything else with
 * one decimal in the locale's own format; a provisional value says so; a withheld one reads
 * "suprimido" and a missing one "sin datos", never a number and never each other.
 */
public final class FigureText {
  private FigureText() {}

  /** How a chart of this kind writes its numbers: the same decimals as {@link #decimals}. */
  public static org.atalaya.chart.NumberStyle style(IndicatorKind kind) {
    return decimals(kind) == 0
        ? org.atalaya.chart.NumberStyle.INTEGER
        : org.atalaya.chart.NumberStyle.ONE_DECIMAL;
  }

  public static int decimals(IndicatorKind kind) {
    return kind == IndicatorKind.COUNT ? 0 : 1;
  }

  /** A plain number of this kind ("12", "25,9"); a dash when there is none. */
  public static String number(IndicatorKind kind, @Nullable Double value, Locale locale) {
    if (value == null) {
      return "—";
    }
    NumberFormat f = NumberFormat.getNumberInstance(locale);
    f.setMinimumFractionDigits(decimals(kind));
    f.setMaximumFractionDigits(decimals(kind));
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f.format(value);
  }

  /** A figure with its unit after the number: "12 denuncias (provisional)", "suprimido". */
  public static String withUnit(
      Mark mark, @Nullable Double value, IndicatorKind kind, String unit, Locale locale) {
    return switch (mark) {
      case SHOWN -> number(kind, value, locale) + " " + unit;
      case PROVISIONAL ->
          Messages.format(
              locale, "publication.provisional", number(kind, value, locale) + " " + unit);
      case WITHHELD -> Messages.format(locale, "publication.withheld");
      case NO_DATA -> Messages.format(locale, "publication.noData");
    };
  }
}
