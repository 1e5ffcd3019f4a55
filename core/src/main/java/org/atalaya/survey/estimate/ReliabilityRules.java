package org.atalaya.survey.estimate;

import static org.atalaya.survey.estimate.Reliability.NOT_RELIABLE;
import static org.atalaya.survey.estimate.Reliability.RELIABLE;
import static org.atalaya.survey.estimate.Reliability.WEAKLY_RELIABLE;

/**
 * The rules as INE Chile's R package calidad applies them (inesscc/calidad, R/evaluate_internal.R:
 * {@code assess_ine}, {@code quadratic}, {@code assess_cepal2023}; log CV from {@code get_log_cv}
 * in R/create_internal.R), rewritten here.
 */
final class ReliabilityRules {
  private ReliabilityRules() {}

  /**
   * INE Chile: fewer than 60 respondents or 9 df is not reliable. A proportion is then reliable
   * when its SE is at most q^(2/3)/9, q = min(p, 1 − p), and weakly reliable otherwise (the CV of a
   * small proportion says little). A mean or total is reliable up to CV 0.15, weakly reliable up to
   * 0.30. A mean with CV 0 (no variation) is left unrated by calidad; here it is not reliable.
   */
  static Reliability ineChile(Estimate e, ReliabilityCriteria c) {
    if (e.n() < c.minN() || e.df() < c.minDf()) {
      return NOT_RELIABLE;
    }
    if (e.kind() == EstimateKind.PROPORTION) {
      double q = Math.min(e.estimate(), 1 - e.estimate());
      return e.se() <= Math.pow(q, 2.0 / 3) / 9 ? RELIABLE : WEAKLY_RELIABLE;
    }
    return byCv(Math.abs(e.cv()), c);
  }

  private static Reliability byCv(double cv, ReliabilityCriteria c) {
    if (!(cv > 0) || cv > c.cvWeaklyReliable()) {
      return NOT_RELIABLE;
    }
    return cv <= c.cvReliable() ? RELIABLE : WEAKLY_RELIABLE;
  }

  /**
   * CEPAL 2023: not reliable with deff below 1 or undefined, fewer than 60 effective respondents
   * (n/deff) or fewer than 9 df. Then precision and the unweighted count of cases decide: for a
   * proportion, log CV = se/(−ln p · p) at most 0.175 with 50 cases is reliable, with 30 weakly
   * reliable; for a mean or total, CV up to 0.20 with 50 cases is reliable, CV up to 0.30 with 30
   * cases weakly reliable. Cases are the respondents with the characteristic for a proportion (and
   * for a total, typically a count of them), and all respondents for a mean. calidad's exception
   * for planned domains with a large sample ({@code domain_info}) is not applied.
   */
  static Reliability cepal2023(Estimate e, ReliabilityCriteria c) {
    if (!(e.deff() >= 1) || !(e.n() / e.deff() >= c.minEffectiveN()) || e.df() < c.minDf()) {
      return NOT_RELIABLE;
    }
    long cases = e.kind() == EstimateKind.MEAN ? e.n() : e.cases();
    if (e.kind() == EstimateKind.PROPORTION) {
      double p = e.estimate();
      double logCv = e.se() / (-Math.log(p) * p);
      if (!(logCv <= c.maxLogCv())) {
        return NOT_RELIABLE;
      }
      return byCases(cases, RELIABLE, c);
    }
    double cv = Math.abs(e.cv());
    if (!(cv <= c.cvWeaklyReliable())) {
      return NOT_RELIABLE;
    }
    return byCases(cases, cv <= c.cvReliable() ? RELIABLE : WEAKLY_RELIABLE, c);
  }

  /** The best the precision allows, lowered by too few unweighted cases. */
  private static Reliability byCases(long cases, Reliability best, ReliabilityCriteria c) {
    if (cases >= c.minCasesReliable()) {
      return best;
    }
    return cases >= c.minCasesWeaklyReliable() ? WEAKLY_RELIABLE : NOT_RELIABLE;
  }
}
