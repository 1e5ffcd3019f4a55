package org.atalaya.measurement;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import org.atalaya.indicator.IndicatorKind;

/**
 * The value of a cell from what is stored (DESIGN: disaggregation and totals). The cell itself when
 * stored; otherwise the first complete set of parts: women and men, or every corregimiento, or
 * every corregimiento's women and men. Counts add up. A rate or a proportion is Σnumerator /
 * Σdenominator (× base), never an average of the parts' rates. A mean or an index cannot be rebuilt
 * from cells (a survey figure is re-estimated from its microdata instead). Parts that are not all
 * there make no total: the answer says "incomplete" rather than pass a part for the whole.
 */
final class Totals {
  private static final MathContext PRECISION = new MathContext(12, RoundingMode.HALF_EVEN);
  static final String[] BASIS = {"stored", "sexParts", "territoryParts", "allParts"};

  private Totals() {}

  record Choice(SeriesQuery.Sums sums, String basis, Optional<BigDecimal> value) {}

  /** {@code levels}: one period's sums, by level; {@code places}: the cell's corregimientos. */
  static Choice choose(
      IndicatorKind kind, BigDecimal scale, List<SeriesQuery.Sums> levels, int places) {
    for (SeriesQuery.Sums s : levels) {
      if (complete(s, places)) {
        Optional<BigDecimal> value =
            s.level() == 0 ? Optional.of(s.value()) : fromParts(kind, scale, s);
        return new Choice(s, BASIS[s.level()], value);
      }
    }
    return new Choice(levels.get(0), "incomplete", Optional.empty());
  }

  /** Whether these sums make the whole cell: the parts of a level are all there. */
  static boolean complete(SeriesQuery.Sums s, int places) {
    return switch (s.level()) {
      case 0 -> true;
      case 1 -> s.placesWithWomen() > 0 && s.placesWithMen() > 0;
      case 2 -> places > 0 && s.places() == places;
      default -> places > 0 && s.placesWithWomen() == places && s.placesWithMen() == places;
    };
  }

  static Optional<BigDecimal> fromParts(
      IndicatorKind kind, BigDecimal scale, SeriesQuery.Sums sums) {
    return switch (kind) {
      case COUNT -> Optional.of(sums.value());
      case RATE, PROPORTION -> {
        if (sums.cellsWithoutFraction() > 0 || sums.denominator().signum() == 0) {
          yield Optional.empty();
        }
        yield Optional.of(sums.numerator().multiply(scale).divide(sums.denominator(), PRECISION));
      }
      case MEAN, INDEX -> Optional.empty();
    };
  }
}
