package org.atalaya.survey.estimate;

/**
 * Whether an estimate may be published as it is, with a warning, or not at all (suppressed in every
 * public output, with a mark, never shown as 0).
 */
public enum Reliability {
  RELIABLE,
  WEAKLY_RELIABLE,
  NOT_RELIABLE;

  /** Under a scheme's published defaults. */
  public static Reliability of(Estimate estimate, ReliabilityScheme scheme) {
    return of(estimate, ReliabilityCriteria.defaults(scheme));
  }

  public static Reliability of(Estimate estimate, ReliabilityCriteria criteria) {
    if (estimate.isEmpty()) {
      return NOT_RELIABLE;
    }
    return switch (criteria.scheme()) {
      case INE_CHILE -> ReliabilityRules.ineChile(estimate, criteria);
      case CEPAL_2023 -> ReliabilityRules.cepal2023(estimate, criteria);
    };
  }
}
