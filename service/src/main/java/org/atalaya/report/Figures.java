package org.atalaya.report;

import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Locale;
import org.atalaya.indicator.Frequency;
import org.atalaya.indicator.IndicatorKind;
import org.atalaya.progress.ProgressStatus;
import org.atalaya.publication.FigureText;
import org.atalaya.shared.Dates;
import org.atalaya.shared.Messages;
import org.atalaya.shared.Periods;

/**
 * Numbers, dates and words of one report in one language. Counts print whole, everything else with
 * one decimal, through the locale's own format (es-PA writes 1,234.5, like Panama's statistics).
 */
final class Figures {
  final Locale locale;
  private final NumberFormat whole;
  private final NumberFormat oneDecimal;
  private final NumberFormat percent;

  Figures(Locale locale) {
    this.locale = locale;
    this.whole = fixed(NumberFormat.getNumberInstance(locale), 0);
    this.oneDecimal = fixed(NumberFormat.getNumberInstance(locale), 1);
    this.percent = fixed(NumberFormat.getPercentInstance(locale), 1);
  }

  private static NumberFormat fixed(NumberFormat format, int decimals) {
    format.setMinimumFractionDigits(decimals);
    format.setMaximumFractionDigits(decimals);
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format;
  }

  static int decimals(IndicatorKind kind) {
    return FigureText.decimals(kind);
  }

  String value(IndicatorKind kind, Double v) {
    if (v == null) {
      return "";
    }
    return (decimals(kind) == 0 ? whole : oneDecimal).format(v);
  }

  /** A change, signed: +1.5 or -2. */
  String change(IndicatorKind kind, Double v) {
    if (v == null) {
      return "";
    }
    String s = value(kind, v);
    return v > 0 && !s.matches("[0.,]+") ? "+" + s : s;
  }

  String percent(Double fraction) {
    return fraction == null ? "" : percent.format(fraction);
  }

  String count(long n) {
    return whole.format(n);
  }

  String date(LocalDate day) {
    return day == null ? "" : Dates.day(day, locale);
  }

  /** The period that starts on {@code start} as people read it ("dic. 2025"); "" when none. */
  String period(Frequency frequency, LocalDate start) {
    return start == null ? "" : Periods.text(frequency.label(start), locale);
  }

  String status(ProgressStatus s) {
    return t("chart.status." + s.name());
  }

  String t(String key, Object... args) {
    return Messages.format(locale, key, args);
  }
}
