package org.atalaya.survey.estimate;

/**
 * Turns one domain's sums and variance into an {@link Estimate}: the point estimate, deff as R's
 * {@code svymean}/{@code svytotal} compute it with {@code deff = TRUE}, the design df and the 95 %
 * interval, or the reason there is none.
 */
final class EstimateAssembly {
  private EstimateAssembly() {}

  static Estimate assemble(EstimateKind kind, DomainSums sums, int d, double variance) {
    long n = sums.n[d];
    if (n == 0) {
      NoInterval why = sums.members[d] > 0 ? NoInterval.ALL_MISSING : NoInterval.EMPTY_DOMAIN;
      return new Estimate(
          kind,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          0,
          0,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          why,
          0);
    }
    double w = sums.sumW[d];
    double shiftedMean = sums.sumA[d] / w;
    double estimate =
        kind == EstimateKind.TOTAL ? sums.sumA[d] + sums.shift[d] * w : sums.shift[d] + shiftedMean;
    double se = Math.sqrt(variance);
    int df = sums.psus[d] - sums.strata[d];
    double deff = variance / srsVariance(kind, sums, d, shiftedMean);
    if (!Double.isFinite(deff)) {
      deff = Double.NaN;
    }
    double cv = estimate != 0 ? se / estimate : Double.NaN;
    NoInterval why = null;
    if (df < 1) {
      why = NoInterval.ONE_PSU;
    } else if (se == 0 || kind == EstimateKind.PROPORTION && (estimate <= 0 || estimate >= 1)) {
      why = NoInterval.NO_VARIATION;
    }
    double lower = Double.NaN;
    double upper = Double.NaN;
    if (why == null) {
      double[] ci =
          kind == EstimateKind.PROPORTION
              ? Intervals.logit(estimate, se, df)
              : Intervals.symmetric(estimate, se, df);
      // A vanishing half-width must not put the estimate a rounding error outside its interval.
      lower = Math.min(ci[0], estimate);
      upper = Math.max(ci[1], estimate);
    }
    return new Estimate(kind, estimate, se, deff, n, df, lower, upper, cv, why, sums.nonZero[d]);
  }

  /**
   * The variance under simple random sampling of the same size, without replacement from a
   * population the size of the weights' sum (R's default for {@code deff = TRUE}, not "replace"):
   * s²·(N − n)/(N·n) for a mean and N² times that for a total, where s² = n/(n−1) · Σw(y − ȳ)²/Σw
   * is {@code svyvar}'s weighted variance. NaN when it is undefined or not positive: n < 2, no
   * variation, or N ≤ n. (R answers NA for a mean with N < n and a negative deff for a total; a
   * design effect from weights that are not expansion factors means nothing either way.)
   */
  private static double srsVariance(EstimateKind kind, DomainSums sums, int d, double shiftedMean) {
    long n = sums.n[d];
    double w = sums.sumW[d];
    double squares = sums.sumA2[d] - shiftedMean * sums.sumA[d];
    if (n < 2 || !(squares > 0) || !(w > n)) {
      return Double.NaN;
    }
    double s2 = squares / w * n / (n - 1.0);
    double mean = s2 * (w - n) / (w * n);
    return kind == EstimateKind.TOTAL ? mean * w * w : mean;
  }
}
