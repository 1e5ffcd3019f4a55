package org.atalaya.survey.estimate;

import java.util.Arrays;

/**
 * A stratified cluster sample: one entry per respondent, PSUs taken with replacement within their
 * stratum. Strata 0..S−1 and PSUs 0..P−1 are dense codes and a PSU code names one cluster of one
 * stratum (codes are unique across strata, as in R's {@code svydesign(..., nest = FALSE)}).
 *
 * <p>The arrays are copied when the design is built, so the checks below hold for its life; the
 * accessors hand out those copies without copying again (the estimator reads them on every call),
 * and callers must not change them.
 */
public record SurveyDesign(double[] weights, int[] strata, int[] psus) {

  public SurveyDesign {
    if (weights == null || strata == null || psus == null) {
      throw new IllegalArgumentException("weights, strata and PSUs are all required");
    }
    if (weights.length != strata.length || weights.length != psus.length) {
      throw new IllegalArgumentException(
          "weights, strata and PSUs need one entry per respondent: "
              + weights.length
              + ", "
              + strata.length
              + " and "
              + psus.length
              + " given");
    }
    if (weights.length == 0) {
      throw new IllegalArgumentException("a design needs at least one respondent");
    }
    weights = weights.clone();
    strata = strata.clone();
    psus = psus.clone();
    int maxPsu = 0;
    for (int i = 0; i < weights.length; i++) {
      if (!(weights[i] > 0 && Double.isFinite(weights[i]))) {
        throw new IllegalArgumentException(
            "respondent " + i + ": the weight must be a finite number above 0, got " + weights[i]);
      }
      if (strata[i] < 0 || psus[i] < 0) {
        throw new IllegalArgumentException(
            "respondent "
                + i
                + ": stratum and PSU codes start at 0, got "
                + strata[i]
                + "/"
                + psus[i]);
      }
      maxPsu = Math.max(maxPsu, psus[i]);
    }
    requireNested(strata, psus, maxPsu);
  }

  /** Every respondent of a PSU in the same stratum, or the design has no meaning. */
  private static void requireNested(int[] strata, int[] psus, int maxPsu) {
    int[] stratumOfPsu = new int[maxPsu + 1];
    int[] firstRespondent = new int[maxPsu + 1];
    Arrays.fill(stratumOfPsu, -1);
    for (int i = 0; i < psus.length; i++) {
      int p = psus[i];
      if (stratumOfPsu[p] < 0) {
        stratumOfPsu[p] = strata[i];
        firstRespondent[p] = i;
      } else if (stratumOfPsu[p] != strata[i]) {
        throw new IllegalArgumentException(
            "PSU "
                + p
                + " lies in two strata: "
                + stratumOfPsu[p]
                + " (respondent "
                + firstRespondent[p]
                + ") and "
                + strata[i]
                + " (respondent "
                + i
                + ")");
      }
    }
  }

  /** The number of respondents. */
  public int size() {
    return weights.length;
  }

  @Override
  public String toString() {
    return "SurveyDesign[" + weights.length + " respondents]";
  }
}
