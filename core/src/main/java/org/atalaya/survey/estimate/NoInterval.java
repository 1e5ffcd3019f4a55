package org.atalaya.survey.estimate;

/**
 * Why an {@link Estimate} has no confidence interval. Outputs show the reason, never a NaN or a
 * zero, in place of the interval.
 */
public enum NoInterval {
  /** No respondent of the sample falls in the domain: nothing is estimated. */
  EMPTY_DOMAIN,
  /** The domain has respondents, but every one of them lacks a value for the variable. */
  ALL_MISSING,
  /**
   * Fewer than one degree of freedom: each stratum the domain touches holds a single PSU of it
   * (typically the whole domain sits in one PSU). The standard error is computed, the interval is
   * not: Student's t with 0 degrees of freedom does not exist.
   */
  ONE_PSU,
  /**
   * The standard error is 0: every respondent of the domain gives the same value (a proportion of
   * exactly 0 or 1), or the domain lies only in strata with a single PSU, which count as certainty
   * strata and contribute no variance.
   */
  NO_VARIATION
}
