package org.atalaya.survey.estimate;

/**
 * The respondents of a design laid out stratum by stratum and PSU by PSU, so that one sequential
 * pass sees each PSU's respondents together and each stratum's PSUs together. Built once per design
 * in O(respondents + codes) by counting sort.
 */
final class DesignIndex {
  /** Respondent indices, grouped by PSU, PSUs grouped by stratum. */
  final int[] order;

  /** The weights in {@link #order}, read sequentially by the estimator. */
  final double[] weights;

  /** Start of PSU k's respondents in {@link #order}; PSU k is the k-th present PSU; length P+1. */
  final int[] psuStart;

  /** Start of stratum s's PSUs among the present PSUs; s the s-th present stratum; length S+1. */
  final int[] stratumStart;

  private DesignIndex(int[] order, double[] weights, int[] psuStart, int[] stratumStart) {
    this.order = order;
    this.weights = weights;
    this.psuStart = psuStart;
    this.stratumStart = stratumStart;
  }

  int strataCount() {
    return stratumStart.length - 1;
  }

  /** The number of PSUs the design has in the s-th present stratum: its n_h. */
  int psusIn(int s) {
    return stratumStart[s + 1] - stratumStart[s];
  }

  static DesignIndex of(SurveyDesign design) {
    int[] psus = design.psus();
    int[] strata = design.strata();
    int n = psus.length;
    int maxPsu = 0;
    int maxStratum = 0;
    for (int i = 0; i < n; i++) {
      maxPsu = Math.max(maxPsu, psus[i]);
      maxStratum = Math.max(maxStratum, strata[i]);
    }
    int[] psuSize = new int[maxPsu + 1];
    int[] stratumOfPsu = new int[maxPsu + 1];
    for (int i = 0; i < n; i++) {
      psuSize[psus[i]]++;
      stratumOfPsu[psus[i]] = strata[i];
    }
    // PSUs ordered by stratum: count present PSUs per stratum, then place them.
    int[] stratumPsus = new int[maxStratum + 2];
    int present = 0;
    for (int p = 0; p <= maxPsu; p++) {
      if (psuSize[p] > 0) {
        stratumPsus[stratumOfPsu[p] + 1]++;
        present++;
      }
    }
    int strataPresent = 0;
    for (int h = 0; h <= maxStratum; h++) {
      if (stratumPsus[h + 1] > 0) {
        strataPresent++;
      }
      stratumPsus[h + 1] += stratumPsus[h];
    }
    int[] psuOrder = new int[present];
    int[] next = stratumPsus.clone();
    for (int p = 0; p <= maxPsu; p++) {
      if (psuSize[p] > 0) {
        psuOrder[next[stratumOfPsu[p]]++] = p;
      }
    }
    int[] stratumStart = new int[strataPresent + 1];
    int s = 0;
    for (int h = 0; h <= maxStratum; h++) {
      if (stratumPsus[h + 1] > stratumPsus[h]) {
        stratumStart[++s] = stratumPsus[h + 1];
      }
    }
    // Respondents by PSU, in that PSU order.
    int[] psuStart = new int[present + 1];
    int[] slot = new int[maxPsu + 1];
    for (int k = 0; k < present; k++) {
      slot[psuOrder[k]] = psuStart[k];
      psuStart[k + 1] = psuStart[k] + psuSize[psuOrder[k]];
    }
    int[] order = new int[n];
    double[] weights = new double[n];
    double[] w = design.weights();
    for (int i = 0; i < n; i++) {
      int at = slot[psus[i]]++;
      order[at] = i;
      weights[at] = w[i];
    }
    return new DesignIndex(order, weights, psuStart, stratumStart);
  }
}
