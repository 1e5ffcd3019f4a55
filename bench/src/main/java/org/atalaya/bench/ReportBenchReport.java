package org.atalaya.bench;

import static org.atalaya.bench.Bench.OUT;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.atalaya.report.ReportExport;

/** The report bench's table: median, best and worst time, size, and the goal. */
final class ReportBenchReport {
  static final double GOAL_SECONDS = 5;
  static final double GOAL_MIB = 10;

  private ReportBenchReport() {}

  static void print(
      List<ReportBenchCase> cases, List<ReportExport.Output> every, double allSeconds, Path out) {
    OUT.printf("%-10s %10s %10s %10s %12s%n", "file", "median s", "best s", "worst s", "size MiB");
    for (ReportBenchCase c : cases) {
      OUT.printf(
          "%-10s %10.2f %10.2f %10.2f %12.2f%n",
          c.label,
          Figures.median(c.seconds, Double::doubleValue),
          Collections.min(c.seconds),
          Collections.max(c.seconds),
          Figures.mibOfBytes(c.bytes));
    }
    ReportBenchCase pdf = cases.get(0);
    double median = Figures.median(pdf.seconds, Double::doubleValue);
    double mib = Figures.mibOfBytes(pdf.bytes);
    OUT.printf(
        "%nGoal PDF < %.0f s and < %.0f MiB: %s (%.2f s, %.2f MiB)%n",
        GOAL_SECONDS,
        GOAL_MIB,
        median < GOAL_SECONDS && mib < GOAL_MIB ? "met" : "NOT met",
        median,
        mib);
    long total = every.stream().mapToLong(f -> f.content().length).sum();
    OUT.printf(
        "Every file (2 languages x report PDF+HTML, %d brochures, CSV, JSON): %d files,"
            + " %.2f MiB, %.1f s, written to %s%n",
        every.stream().filter(f -> f.name().startsWith("folleto-")).count(),
        every.size(),
        Figures.mibOfBytes(total),
        allSeconds,
        out);
  }
}
