package org.atalaya.bench;

/**
 * The grid the ingest benchmark's rows are drawn from: every row is a distinct cell of indicator ×
 * month × sex × corregimiento × age group.
 */
final class MeasurementGrid {

  static final int FIRST_YEAR = 2000;
  static final int MONTHS = 26 * 12; // 2000-01 .. 2025-12, never in the future
  static final String[] SEXES = {"F", "M"};
  static final int TERRITORIES = 18; // LCH-01 .. LCH-18, the demo's corregimientos
  static final int AGE_GROUPS = 7; // A1 .. A7
  static final int CELLS_PER_INDICATOR = MONTHS * SEXES.length * TERRITORIES * AGE_GROUPS;

  private MeasurementGrid() {}

  /** How many indicators {@code rows} rows need. */
  static int indicatorCount(long rows) {
    return (int) ((rows + CELLS_PER_INDICATOR - 1) / CELLS_PER_INDICATOR);
  }

  static String indicatorCode(int i) {
    return String.format("B%02d", i + 1);
  }

  static String territoryCode(int t) {
    return String.format("LCH-%02d", t + 1);
  }
}
