package org.atalaya.survey.estimate;

/**
 * Taylor-linearisation variance for a stratified design with PSUs drawn with replacement, as R's
 * survey package computes it ({@code svyrecvar} → {@code onestage} → {@code onestrat}): within
 * stratum h with n_h PSUs, the PSU totals z_hj of the linearised scores give n_h/(n_h − 1) · Σ_j
 * (z_hj − z̄_h)², summed over strata. A stratum with one PSU is a certainty stratum ({@code
 * survey.lonely.psu = "certainty"}) and adds nothing.
 *
 * <p>Domains use the whole design: a PSU of the stratum without respondents in the domain has z_hj
 * = 0 and still counts in n_h and in z̄_h (R pads {@code rowsum} with zero rows up to the design's
 * n_h in exactly this way).
 *
 * <p>Scores: for a ratio mean or proportion, u_i = w_i (y_i − ȳ) / Σw over the domain, so a PSU's
 * total is (A − ȳ·W)/Σw with A = Σw·y and W = Σw over its domain respondents; for a total, u_i =
 * w_i y_i.
 */
final class Linearisation {
  private Linearisation() {}

  static double[] variances(DesignIndex ix, DomainSums sums, EstimateKind kind) {
    int domains = sums.domains;
    double[] variance = new double[domains];
    double[] sz = new double[domains];
    double[] ss = new double[domains];
    int[] cellsIn = new int[domains];
    int[] touched = new int[domains];
    double[] meanShifted = new double[domains];
    for (int d = 0; d < domains; d++) {
      meanShifted[d] = sums.sumW[d] > 0 ? sums.sumA[d] / sums.sumW[d] : 0;
    }
    boolean total = kind == EstimateKind.TOTAL;
    for (int s = 0; s < ix.strataCount(); s++) {
      int nh = ix.psusIn(s);
      int from = sums.cellStart[s];
      int to = sums.cellStart[s + 1];
      if (nh < 2 || from == to) {
        continue;
      }
      int t = 0;
      for (int c = from; c < to; c++) {
        int d = sums.cellDomain[c];
        if (cellsIn[d]++ == 0) {
          touched[t++] = d;
        }
        sz[d] += score(sums, c, d, total, meanShifted);
      }
      for (int c = from; c < to; c++) {
        int d = sums.cellDomain[c];
        double dev = score(sums, c, d, total, meanShifted) - sz[d] / nh;
        ss[d] += dev * dev;
      }
      double scale = nh / (nh - 1.0);
      for (int j = 0; j < t; j++) {
        int d = touched[j];
        double zbar = sz[d] / nh;
        variance[d] += scale * (ss[d] + (nh - cellsIn[d]) * zbar * zbar);
        sz[d] = 0;
        ss[d] = 0;
        cellsIn[d] = 0;
      }
    }
    return variance;
  }

  private static double score(DomainSums sums, int c, int d, boolean total, double[] meanShifted) {
    if (total) {
      return sums.cellA[c] + sums.shift[d] * sums.cellW[c];
    }
    return (sums.cellA[c] - meanShifted[d] * sums.cellW[c]) / sums.sumW[d];
  }
}
