package org.atalaya.web.entry;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cells of a period × place × sex grid and how they become rows of an upload: one row per
 * filled cell (or every cell, as zero, when asked), under the upload's column names. For a rate the
 * person types numerator and denominator and the value is the rate they define (numerator ÷
 * denominator × the indicator's base), as a file would carry it.
 *
 * @param places territory codes (rows), sexes sex codes (columns)
 * @param rateBase the base of a rate (per 100 000…), null when the value is typed directly
 */
record Grid(
    String indicator,
    String period,
    @Nullable String source,
    List<String> places,
    List<String> sexes,
    @Nullable Integer rateBase) {

  static final List<String> HEADER =
      List.of(
          "indicator", "period", "sex", "territory", "value", "numerator", "denominator", "source");

  Grid {
    places = List.copyOf(places);
    sexes = List.copyOf(sexes);
  }

  static String field(String kind, String place, String sex) {
    return kind + "_" + place + "_" + sex;
  }

  /** A cell of the grid that became a row, for naming it in the row's problems. */
  record Placed(String place, String sex) {}

  /** The rows to send, and which cell each came from (same order). */
  record Rows(List<List<String>> rows, List<Placed> cells) {}

  Rows rows(Map<String, String> form, boolean zeros) {
    List<List<String>> rows = new ArrayList<>();
    List<Placed> cells = new ArrayList<>();
    for (String place : places) {
      for (String sex : sexes) {
        List<String> row = row(form, place, sex, zeros);
        if (row != null) {
          rows.add(row);
          cells.add(new Placed(place, sex));
        }
      }
    }
    return new Rows(rows, cells);
  }

  private List<String> row(Map<String, String> form, String place, String sex, boolean zeros) {
    String src = source == null ? "" : source;
    if (rateBase == null) {
      String value = text(form, field("v", place, sex));
      if (value.isEmpty() && !zeros) {
        return null;
      }
      return List.of(indicator, period, sex, place, value.isEmpty() ? "0" : value, "", "", src);
    }
    String numerator = text(form, field("n", place, sex));
    String denominator = text(form, field("d", place, sex));
    if (numerator.isEmpty() && denominator.isEmpty()) {
      return null; // a rate has no zero without its population
    }
    if (numerator.isEmpty() && zeros) {
      numerator = "0";
    }
    return List.of(
        indicator, period, sex, place, rate(numerator, denominator), numerator, denominator, src);
  }

  /** The rate, or empty when either part is not a number (the checks then name that part). */
  private String rate(String numerator, String denominator) {
    try {
      BigDecimal n = new BigDecimal(numerator.replace(',', '.'));
      BigDecimal d = new BigDecimal(denominator.replace(',', '.'));
      if (d.signum() == 0) {
        return "";
      }
      return n.multiply(BigDecimal.valueOf(rateBase))
          .divide(d, MathContext.DECIMAL64)
          .setScale(6, java.math.RoundingMode.HALF_UP)
          .stripTrailingZeros()
          .toPlainString();
    } catch (NumberFormatException e) {
      return "";
    }
  }

  private static String text(Map<String, String> form, String key) {
    String v = form.get(key);
    return v == null ? "" : v.strip();
  }
}
