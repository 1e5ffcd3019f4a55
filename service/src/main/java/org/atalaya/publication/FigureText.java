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

  public static String of(Figure figure, IndicatorKind kind, Locale locale) {
    return of(figure.mark(), figure.value(), kind, locale);
  }

  /** The latest value of a cell as it may be shown. */
  public static String latest(Publication.Cell cell, IndicatorKind kind, Locale locale) {
    return of(cell.mark(), cell.latestValue(), kind, locale);
  }

  /** The same, with the unit after a number: "12 denuncias (provisional)", "suprimido". */
  public static String withUnit(
      Mark mark, @Nullable Double value, IndicatorKind kind, String unit, Locale locale) {
    return switch (mark) {
      case SHOWN -> number(kind, value, locale) + " " + unit;
      case PROVISIONAL ->
          Messages.format(
              locale, "publication.provisional", number(kind, value, locale) + " " + unit);
      case WITHHELD, NO_DATA -> of(mark, value, kind, locale);
    };
  }

  public static String of(Mark mark, @Nullable Double value, IndicatorKind kind, Locale locale) {
    return switch (mark) {
      case SHOWN -> number(kind, value, locale);
      case PROVISIONAL ->
          Messages.format(locale, "publication.provisional", number(kind, value, locale));
      case WITHHELD -> Messages.format(locale, "publication.withheld");
      case NO_DATA -> Messages.format(locale, "publication.noData");
    };
  }
}
