package org.atalaya.bench;

/**
 * The country the national benchmark simulates, and the part of it one run loads. Panama's shape:
 * 80 districts sharing 700 corregimientos (8 or 9 each), every district with its own plan of 60
 * monthly indicators, measured in each of its corregimientos for women, men and everyone over five
 * years. A fraction loads the first districts whole, so each district's own data is the same size
 * at every fraction and only the number of other districts changes.
 */
record NationalShape(int districts, int corregimientos, int indicatorsPerPlan, double fraction) {
  static final int MONTHS = 60;
  static final int SEXES = 3; // F, M, _T
  static final int FIRST_YEAR = 2020; // 2020-01 .. 2024-12
  static final long ISSUE_ROWS = 40_000_000L;

  NationalShape {
    if (districts < 1 || corregimientos < districts || indicatorsPerPlan < 1) {
      throw new IllegalArgumentException(
          "need at least one district, one corregimiento per district and one indicator");
    }
    if (indicatorsPerPlan % 5 != 0) {
      throw new IllegalArgumentException("--indicators must be a multiple of 5 (five axes)");
    }
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("--fraction must be above 0 and at most 1");
    }
  }

  /** Districts loaded at this fraction: at least one, the timed one. */
  int loadedDistricts() {
    return Math.max(1, (int) Math.round(districts * fraction));
  }

  /** Corregimientos of district {@code d} (1-based): the first ones get one more. */
  int corregimientosOf(int d) {
    int base = corregimientos / districts;
    return d <= corregimientos % districts ? base + 1 : base;
  }

  int corregimientosOfFirst(int n) {
    int sum = 0;
    for (int d = 1; d <= n; d++) {
      sum += corregimientosOf(d);
    }
    return sum;
  }

  /** Measurement rows of the first {@code n} districts. */
  long rows(int n) {
    return (long) corregimientosOfFirst(n) * indicatorsPerPlan * MONTHS * SEXES;
  }

  long fullRows() {
    return rows(districts);
  }

  static String districtCode(int d) {
    return String.format("ND-%02d", d);
  }

  static String planCode(int d) {
    return String.format("NAC-%02d", d);
  }
}
