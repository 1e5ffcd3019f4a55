package org.atalaya.bench;

import java.io.PrintStream;

/**
 * One line per figure that {@code bench/run.sh all} gathers from every benchmark into one table:
 * the path the user waits on, the figure, its reference measured in the same run, their ratio,
 * issue 20's goal and whether it is met, and the 1-minute load average when the line was printed.
 * Fields are separated by "|" and the line starts with {@code SUMMARY|}; a field never holds "|".
 */
final class Summary {

  private static final PrintStream OUT = System.out;

  private Summary() {}

  /**
   * @param path what the user waits on ("survey estimate over HTTP, ENUSC, warm")
   * @param figure the measured figure with its unit ("p50 22.0 ms")
   * @param reference the reference in the same run, with its own figure ("R svyby 397 ms")
   * @param ratio how the two compare ("18.1× faster"), or "-" when there is no reference
   * @param goal issue 20's goal for this path, or "-" when the figure has none
   * @param met "met", "not met", or "-" when there is no goal
   */
  static void line(
      String path, String figure, String reference, String ratio, String goal, String met) {
    OUT.printf(
        "SUMMARY|%s|%s|%s|%s|%s|%s|%.2f%n",
        clean(path),
        clean(figure),
        clean(reference),
        clean(ratio),
        clean(goal),
        clean(met),
        ProcFs.loadAverage());
  }

  /** "met" or "not met". */
  static String met(boolean met) {
    return met ? "met" : "not met";
  }

  private static String clean(String s) {
    return s == null || s.isBlank() ? "-" : s.replace('|', '/').replace('\n', ' ');
  }
}
