package org.atalaya.web.review;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Iglewicz and Hoaglin's modified z-score of a value against its own series: M = 0.6745 (x −
 * median) / MAD, where MAD is the median of the absolute deviations from the median. |M| > 3.5 is
 * their suggested label of a possible outlier (NIST/SEMATECH e-Handbook, 1.3.5.17). When half or
 * more of the series is the same number the MAD is zero; then the mean absolute deviation scaled by
 * 1.253314 stands in for it (as IBM's SPSS documentation does), and a series with no spread at all
 * has no score. Fewer than {@value #MIN_VALUES} values is too short a series to judge.
 */
final class Unusual {
  static final double LIMIT = 3.5;
  static final int MIN_VALUES = 6;

  private Unusual() {}

  /** The score of {@code value} within {@code series} (which includes it), if one can be given. */
  static OptionalDouble score(double value, List<Double> series) {
    if (series.size() < MIN_VALUES) {
      return OptionalDouble.empty();
    }
    double[] xs = series.stream().mapToDouble(Double::doubleValue).toArray();
    double median = median(xs);
    double[] deviations = Arrays.stream(xs).map(x -> Math.abs(x - median)).toArray();
    double mad = median(deviations);
    if (mad > 0) {
      return OptionalDouble.of(0.6745 * (value - median) / mad);
    }
    double meanDeviation = Arrays.stream(deviations).average().orElse(0);
    if (meanDeviation == 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of((value - median) / (1.253314 * meanDeviation));
  }

  static boolean flagged(OptionalDouble score) {
    return score.isPresent() && Math.abs(score.getAsDouble()) > LIMIT;
  }

  static double median(double[] values) {
    double[] xs = values.clone();
    Arrays.sort(xs);
    int n = xs.length;
    return n % 2 == 1 ? xs[n / 2] : (xs[n / 2 - 1] + xs[n / 2]) / 2;
  }
}
