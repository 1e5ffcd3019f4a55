package org.atalaya.measurement;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;
import org.atalaya.indicator.IndicatorKind;

/**
 * The value of a total from its parts (DESIGN: disaggregation and totals). Counts add up. A rate or
 * a proportion is Σnumerator / Σdenominator (× base) — never an average of the parts' rates — so it
 * needs every part's numerator and denominator. A mean or an index cannot be rebuilt from cells at
 * all: a survey figure is re-estimated from the microdata instead.
 */
final class Totals {
  private static final MathContext PRECISION = new MathContext(12, RoundingMode.HALF_EVEN);

  private Totals() {}

  static Optional<BigDecimal> fromParts(
      IndicatorKind kind, BigDecimal scale, SeriesQuery.Sums sums) {
    return switch (kind) {
      case COUNT -> Optional.of(sums.value());
      case RATE, PROPORTION -> {
        if (sums.cellsWithoutFraction() > 0 || sums.denominator().signum() == 0) {
          yield Optional.empty();
        }
        yield Optional.of(
            sums.numerator()
                .multiply(scale)
                .divide(sums.denominator(), PRECISION)
                .stripTrailingZeros());
      }
      case MEAN, INDEX -> Optional.empty();
    };
  }
}
