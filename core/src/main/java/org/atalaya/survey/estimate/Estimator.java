package org.atalaya.survey.estimate;

/**
 * Design-based estimates of proportions, means and totals over domains, with Taylor-linearisation
 * standard errors for stratified cluster designs whose PSUs are drawn with replacement. The figures
 * are those of R's survey package for {@code svydesign(ids = ~psu, strata = ~stratum, weights =
 * ~w)} with {@code options(survey.lonely.psu = "certainty")} and {@code svymean}, {@code svytotal}
 * or {@code svyby(..., deff = TRUE, na.rm = TRUE)}; see {@link Linearisation} for the variance and
 * {@link EstimateAssembly} for deff, df and the interval.
 *
 * <p>Domains are estimated inside the full design, never as a subset posing as a new survey: a PSU
 * with no respondent in the domain still counts in its stratum.
 */
public final class Estimator {
  /** The last design's index: callers estimate many variables and domains over one design. */
  private static volatile Prepared last;

  private record Prepared(SurveyDesign design, DesignIndex index) {}

  private Estimator() {}

  /**
   * One domain.
   *
   * @param y one value per respondent; NaN is missing and puts the respondent outside the domain
   *     while the design keeps its PSU (like R's {@code na.rm = TRUE})
   * @param domain who is in the domain; null means everyone
   */
  public static Estimate estimate(
      SurveyDesign design, EstimateKind kind, double[] y, boolean[] domain) {
    int[] codes = new int[design.size()];
    if (domain != null) {
      requireLength(design, domain.length, "domain");
      for (int i = 0; i < codes.length; i++) {
        codes[i] = domain[i] ? 0 : -1;
      }
    }
    return byDomain(design, kind, y, codes, 1)[0];
  }

  /**
   * All domains in one pass over the respondents.
   *
   * @param domain per respondent 0..domains−1, or −1 for respondents outside every domain
   * @return one estimate per domain code, including the empty ones
   */
  public static Estimate[] byDomain(
      SurveyDesign design, EstimateKind kind, double[] y, int[] domain, int domains) {
    if (kind == null || y == null || domain == null) {
      throw new IllegalArgumentException("kind, values and domains are required");
    }
    if (domains < 0) {
      throw new IllegalArgumentException("the number of domains cannot be negative");
    }
    requireLength(design, y.length, "values");
    requireLength(design, domain.length, "domain");
    DesignIndex ix = index(design);
    boolean proportion = kind == EstimateKind.PROPORTION;
    DomainSums sums = DomainSums.collect(ix, y, domain, domains, proportion, !proportion);
    double[] variance = Linearisation.variances(ix, sums, kind);
    Estimate[] out = new Estimate[domains];
    for (int d = 0; d < domains; d++) {
      out[d] = EstimateAssembly.assemble(kind, sums, d, variance[d]);
    }
    return out;
  }

  private static DesignIndex index(SurveyDesign design) {
    Prepared p = last;
    if (p == null || p.design() != design) {
      p = new Prepared(design, DesignIndex.of(design));
      last = p;
    }
    return p.index();
  }

  private static void requireLength(SurveyDesign design, int length, String what) {
    if (length != design.size()) {
      throw new IllegalArgumentException(
          what + " needs one entry per respondent: " + length + " for " + design.size());
    }
  }
}
