package org.atalaya.survey.estimate;

/**
 * The change of one estimate between two survey waves, with a two-sided t test of "no change".
 * Waves are independent samples, so the variances add: se = √(se₁² + se₂²). The test uses the
 * smaller of the two designs' df, the conservative choice when the waves' designs differ.
 *
 * @param difference later − earlier (NaN when either is empty)
 * @param statistic difference / se
 * @param pValue two-sided, P(|T| ≥ |statistic|) for Student's t with {@code df}
 * @param significant p < 0.05
 * @param noTest why there is no test (nullable): an empty wave, a wave with df < 1, or no variation
 *     in either wave
 */
public record WaveDifference(
    double difference,
    double se,
    double statistic,
    int df,
    double pValue,
    boolean significant,
    NoInterval noTest) {

  public static final double LEVEL = 0.05;

  public static WaveDifference of(Estimate earlier, Estimate later) {
    if (earlier.kind() != later.kind()) {
      throw new IllegalArgumentException(
          "a " + earlier.kind() + " cannot be compared with a " + later.kind());
    }
    double difference = later.estimate() - earlier.estimate();
    double se = Math.hypot(earlier.se(), later.se());
    int df = Math.min(earlier.df(), later.df());
    NoInterval why = reason(earlier, later, df, se);
    if (why != null) {
      return new WaveDifference(difference, se, Double.NaN, df, Double.NaN, false, why);
    }
    double statistic = difference / se;
    double p = 2 * Intervals.student(df).cumulativeProbability(-Math.abs(statistic));
    return new WaveDifference(difference, se, statistic, df, p, p < LEVEL, null);
  }

  /** The difference's 95 % interval: difference ± t(df, 0.975)·se; NaN where there is no test. */
  public double ciLower() {
    return noTest != null ? Double.NaN : difference - halfWidth();
  }

  public double ciUpper() {
    return noTest != null ? Double.NaN : difference + halfWidth();
  }

  private double halfWidth() {
    return Intervals.student(df).inverseCumulativeProbability(1 - LEVEL / 2) * se;
  }

  private static NoInterval reason(Estimate earlier, Estimate later, int df, double se) {
    for (Estimate e : new Estimate[] {earlier, later}) {
      if (e.isEmpty()) {
        return e.noInterval();
      }
    }
    if (df < 1) {
      return NoInterval.ONE_PSU;
    }
    return se > 0 ? null : NoInterval.NO_VARIATION;
  }
}
