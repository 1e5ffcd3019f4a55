package org.atalaya.survey.estimate;

/**
 * The thresholds of a reliability scheme, so that an observatory can adopt a published scheme and
 * tune its numbers. Each scheme reads only some of them (noted per field).
 *
 * @param minN INE: fewest respondents (60)
 * @param minDf both: fewest degrees of freedom (9)
 * @param cvReliable means and totals, highest CV of a reliable estimate (INE 0.15, CEPAL 0.20)
 * @param cvWeaklyReliable means and totals, highest CV of a weakly reliable one (0.30)
 * @param minEffectiveN CEPAL: fewest effective respondents n/deff (60)
 * @param maxLogCv CEPAL, proportions: highest logarithmic CV se/(−ln p · p) (0.175)
 * @param minCasesReliable CEPAL: fewest unweighted cases of a reliable estimate (50)
 * @param minCasesWeaklyReliable CEPAL: fewest unweighted cases of a weakly reliable one (30)
 */
public record ReliabilityCriteria(
    ReliabilityScheme scheme,
    long minN,
    int minDf,
    double cvReliable,
    double cvWeaklyReliable,
    double minEffectiveN,
    double maxLogCv,
    long minCasesReliable,
    long minCasesWeaklyReliable) {

  /** calidad's defaults for the INE scheme ({@code default_params_ine}). */
  public static final ReliabilityCriteria INE_CHILE =
      new ReliabilityCriteria(ReliabilityScheme.INE_CHILE, 60, 9, 0.15, 0.30, 0, 0, 0, 0);

  /** calidad's defaults for CEPAL 2023 ({@code default_params_cepal2023}). */
  public static final ReliabilityCriteria CEPAL_2023 =
      new ReliabilityCriteria(ReliabilityScheme.CEPAL_2023, 0, 9, 0.20, 0.30, 60, 0.175, 50, 30);

  public ReliabilityCriteria {
    if (scheme == null) {
      throw new IllegalArgumentException("a reliability scheme is required");
    }
    if (minN < 0 || minDf < 1 || minEffectiveN < 0 || minCasesWeaklyReliable < 0) {
      throw new IllegalArgumentException("minimum sizes cannot be negative, and df needs >= 1");
    }
    if (!(cvReliable > 0 && cvReliable <= cvWeaklyReliable && Double.isFinite(cvWeaklyReliable))) {
      throw new IllegalArgumentException("need 0 < cvReliable <= cvWeaklyReliable");
    }
    if (minCasesReliable < minCasesWeaklyReliable || !(maxLogCv >= 0)) {
      throw new IllegalArgumentException(
          "need minCasesReliable >= minCasesWeaklyReliable and maxLogCv >= 0");
    }
  }

  /** The published defaults of a scheme. */
  public static ReliabilityCriteria defaults(ReliabilityScheme scheme) {
    return switch (scheme) {
      case INE_CHILE -> INE_CHILE;
      case CEPAL_2023 -> CEPAL_2023;
    };
  }
}
