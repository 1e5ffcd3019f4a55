package org.atalaya.survey.estimate;

import java.util.Arrays;

/**
 * One pass over the respondents, PSU by PSU, for every domain at once. Per domain it keeps the
 * weighted sums the point estimate and the SRS variance need; per (PSU, domain) pair that has
 * respondents it keeps a cell with the PSU's weighted sums, which is all the linearised variance
 * needs. Values are shifted by the domain's first value before squaring, so that sums of squares do
 * not cancel for variables far from 0.
 */
final class DomainSums {
  final int domains;

  /** Respondents in the domain, with or without a value. */
  final long[] members;

  /** Respondents in the domain with a value (n). */
  final long[] n;

  /** Of those, how many have a value other than 0. */
  final long[] nonZero;

  final double[] shift;

  /** Σw·(y − shift), Σw and Σw·(y − shift)² over the domain. */
  final double[] sumA;

  final double[] sumW;
  final double[] sumA2;
  final int[] psus;
  final int[] strata;

  /** Cells, stratum by stratum: cells of present stratum s are [cellStart[s], cellStart[s+1]). */
  int[] cellDomain;

  double[] cellA;
  double[] cellW;
  final int[] cellStart;
  private int cells;

  private DomainSums(int domains, int strataCount, int capacity) {
    this.domains = domains;
    members = new long[domains];
    n = new long[domains];
    nonZero = new long[domains];
    shift = new double[domains];
    sumA = new double[domains];
    sumW = new double[domains];
    sumA2 = new double[domains];
    psus = new int[domains];
    strata = new int[domains];
    cellDomain = new int[capacity];
    cellA = new double[capacity];
    cellW = new double[capacity];
    cellStart = new int[strataCount + 1];
  }

  static DomainSums collect(
      DesignIndex ix, double[] y, int[] domain, int domains, boolean zeroOneOnly, boolean shifted) {
    int strataCount = ix.strataCount();
    DomainSums sums = new DomainSums(domains, strataCount, ix.psuStart.length + 16);
    double[] a = new double[domains];
    double[] w = new double[domains];
    int[] touched = new int[domains];
    boolean[] inPsu = new boolean[domains];
    int[] lastStratum = new int[domains];
    Arrays.fill(lastStratum, -1);
    int[] order = ix.order;
    double[] weights = ix.weights;
    for (int s = 0; s < strataCount; s++) {
      sums.cellStart[s] = sums.cells;
      for (int k = ix.stratumStart[s]; k < ix.stratumStart[s + 1]; k++) {
        int t = 0;
        for (int r = ix.psuStart[k]; r < ix.psuStart[k + 1]; r++) {
          int i = order[r];
          int d = domain[i];
          if (d < 0) {
            continue;
          }
          if (d >= domains) {
            throw new IllegalArgumentException(
                "respondent " + i + ": domain " + d + " outside 0.." + (domains - 1));
          }
          sums.members[d]++;
          double v = y[i];
          if (v != v) {
            continue;
          }
          check(i, v, zeroOneOnly);
          if (sums.n[d]++ == 0 && shifted) {
            sums.shift[d] = v;
          }
          if (v != 0) {
            sums.nonZero[d]++;
          }
          if (!inPsu[d]) {
            inPsu[d] = true;
            touched[t++] = d;
          }
          double wi = weights[r];
          double dv = v - sums.shift[d];
          a[d] += wi * dv;
          w[d] += wi;
          sums.sumA2[d] += wi * dv * dv;
        }
        for (int j = 0; j < t; j++) {
          int d = touched[j];
          sums.addCell(d, a[d], w[d]);
          if (lastStratum[d] != s) {
            lastStratum[d] = s;
            sums.strata[d]++;
          }
          a[d] = 0;
          w[d] = 0;
          inPsu[d] = false;
        }
      }
    }
    sums.cellStart[strataCount] = sums.cells;
    return sums;
  }

  private static void check(int i, double v, boolean zeroOneOnly) {
    if (Double.isInfinite(v)) {
      throw new IllegalArgumentException("respondent " + i + ": value " + v + " is not finite");
    }
    if (zeroOneOnly && v != 0 && v != 1) {
      throw new IllegalArgumentException(
          "respondent " + i + ": a proportion needs values 0 or 1, got " + v);
    }
  }

  private void addCell(int d, double a, double w) {
    if (cells == cellDomain.length) {
      int grown = cells * 2;
      cellDomain = Arrays.copyOf(cellDomain, grown);
      cellA = Arrays.copyOf(cellA, grown);
      cellW = Arrays.copyOf(cellW, grown);
    }
    cellDomain[cells] = d;
    cellA[cells] = a;
    cellW[cells] = w;
    cells++;
    sumA[d] += a;
    sumW[d] += w;
    psus[d]++;
  }
}
