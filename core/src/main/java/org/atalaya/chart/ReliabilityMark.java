package org.atalaya.chart;

/** How far a survey estimate can be trusted, after the published CV and sample-size rules. */
public enum ReliabilityMark {
  RELIABLE,
  /** Published with a mark: read with caution. */
  LOW_PRECISION,
  /** Not published: too few cases or too imprecise. */
  SUPPRESSED
}
