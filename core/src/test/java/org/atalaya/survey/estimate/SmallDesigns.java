package org.atalaya.survey.estimate;

/**
 * A seven-respondent design small enough to work by hand: strata 0 and 1 with two PSUs each and a
 * stratum 2 whose single PSU is a certainty stratum.
 *
 * <pre>
 * respondent  stratum  PSU  weight  y  age  woman
 *     0          0      0     1     1   20    1
 *     1          0      0     2     0   30    0
 *     2          0      1     1     1   40    0
 *     3          1      2     2     0   50    1
 *     4          1      3     1     1   60    1
 *     5          1      3     1     0   70    0
 *     6          2      4     2     1   80    1
 * </pre>
 *
 * Every figure the tests expect was also produced by R 4.2's survey package with {@code
 * svydesign(ids = ~psu, strata = ~stratum, weights = ~w)} and {@code survey.lonely.psu =
 * "certainty"}.
 */
final class SmallDesigns {
  static final double[] Y = {1, 0, 1, 0, 1, 0, 1};
  static final double[] AGE = {20, 30, 40, 50, 60, 70, 80};
  static final boolean[] WOMEN = {true, false, false, true, true, false, true};

  /** Domain codes: 0 men, 1 women, 2 nobody. */
  static final int[] SEX = {1, 0, 0, 1, 1, 0, 1};

  /** t(0.975, 2): for 2 df, F(t) = 1/2 + t/(2√(2 + t²)), so t² = 0.95²·2/(1 − 0.95²). */
  static final double T2 = Math.sqrt(1.805 / 0.0975);

  /** t(0.975, 1): the Cauchy quantile tan(π·0.475). */
  static final double T1 = Math.tan(0.475 * Math.PI);

  private SmallDesigns() {}

  static SurveyDesign twoStrataAndACertainty() {
    return new SurveyDesign(
        new double[] {1, 2, 1, 2, 1, 1, 2},
        new int[] {0, 0, 0, 1, 1, 1, 2},
        new int[] {0, 0, 1, 2, 3, 3, 4});
  }

  static double expit(double x) {
    return 1 / (1 + Math.exp(-x));
  }
}
