package org.atalaya.survey.estimate;

/**
 * A design-based estimate for one domain. A figure that cannot be computed is NaN and must be shown
 * as missing with its reason, never as a number:
 *
 * <ul>
 *   <li>{@code ciLower} and {@code ciUpper} are NaN exactly when {@code noInterval} (nullable) is
 *       set, and it says why;
 *   <li>{@code estimate}, {@code se} and {@code cv} are NaN only for EMPTY_DOMAIN and ALL_MISSING;
 *       {@code cv} also when the estimate is 0;
 *   <li>{@code deff} is NaN when the simple-random-sampling variance it divides by is undefined: no
 *       variation, fewer than 2 respondents, or weights summing to less than the sample size
 *       (weights that are not expansion factors).
 * </ul>
 *
 * @param estimate the proportion (0..1), mean or total
 * @param se standard error by Taylor linearisation
 * @param deff design effect, as R's survey package reports it with {@code deff = TRUE}
 * @param n respondents in the domain with a value for the variable (unweighted)
 * @param df degrees of freedom: PSUs minus strata among those respondents
 * @param cv coefficient of variation, se / estimate
 * @param noInterval why there is no confidence interval, or null when there is one
 * @param cases respondents of the domain with y ≠ 0: for a proportion the unweighted count of "yes"
 *     answers that CEPAL's criteria look at; for a mean or total the same as {@code n} when every
 *     value is non-zero
 */
public record Estimate(
    EstimateKind kind,
    double estimate,
    double se,
    double deff,
    long n,
    int df,
    double ciLower,
    double ciUpper,
    double cv,
    NoInterval noInterval,
    long cases) {

  public Estimate {
    if (kind == null) {
      throw new IllegalArgumentException("an estimate needs its kind");
    }
    if (n < 0 || df < 0 || cases < 0 || cases > n) {
      throw new IllegalArgumentException("need 0 <= cases <= n and df >= 0");
    }
    boolean interval = Double.isFinite(ciLower) && Double.isFinite(ciUpper);
    if (noInterval == null && !(interval && ciLower <= estimate && estimate <= ciUpper)) {
      throw new IllegalArgumentException(
          "an estimate without a reason for a missing interval needs lower <= estimate <= upper");
    }
    if (noInterval != null && !(Double.isNaN(ciLower) && Double.isNaN(ciUpper))) {
      throw new IllegalArgumentException("an estimate without an interval has NaN bounds");
    }
    if (kind == EstimateKind.PROPORTION
        && !(estimate >= 0 && estimate <= 1 || estimate != estimate)) {
      throw new IllegalArgumentException("a proportion lies between 0 and 1, got " + estimate);
    }
  }

  /**
   * An estimate entered from published figures (no microdata): the unweighted count of "yes"
   * answers is unknown, so a proportion's {@code cases} is taken as n·p rounded, and a mean's or
   * total's as n.
   */
  public Estimate(
      EstimateKind kind,
      double estimate,
      double se,
      double deff,
      long n,
      int df,
      double ciLower,
      double ciUpper,
      double cv,
      NoInterval noInterval) {
    this(
        kind,
        estimate,
        se,
        deff,
        n,
        df,
        ciLower,
        ciUpper,
        cv,
        noInterval,
        kind == EstimateKind.PROPORTION && Double.isFinite(estimate)
            ? Math.round(n * estimate)
            : n);
  }

  /** True when the interval bounds are numbers. */
  public boolean hasInterval() {
    return noInterval == null;
  }

  /** True when nothing could be estimated: the estimate itself is missing. */
  public boolean isEmpty() {
    return noInterval == NoInterval.EMPTY_DOMAIN || noInterval == NoInterval.ALL_MISSING;
  }
}
