package org.atalaya.survey.estimate;

/** What is estimated over a domain. */
public enum EstimateKind {
  /** Weighted share of respondents with y = 1 (y is 0 or 1); logit confidence interval. */
  PROPORTION,
  /** Weighted mean Σw·y / Σw (a ratio estimator); t-based confidence interval. */
  MEAN,
  /** Weighted total Σw·y; t-based confidence interval. */
  TOTAL
}
