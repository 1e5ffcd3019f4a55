package org.atalaya.bench;

import static org.atalaya.bench.Bench.OUT;
import static org.atalaya.bench.Figures.median;
import static org.atalaya.bench.Figures.mibOfKb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The startup benchmark's output: a line per launch, every run, medians per mode, ratios. */
final class StartupReport {

  private StartupReport() {}

  static void printProgress(StartupRun r) {
    if (r.ok()) {
      OUT.printf(
          "  round %d %-13s healthy in %6.2f s, total RSS %7.1f MiB%n",
          r.round(), r.mode().label, r.healthySeconds(), mibOfKb(r.totalRssKb()));
    } else {
      OUT.printf("  round %d %-13s FAILED: %s%n", r.round(), r.mode().label, r.failure());
    }
  }

  static void printTable(List<StartupRun> runs) {
    OUT.println();
    OUT.println("Every run (MiB = VmRSS from /proc/PID/status; PSS from /proc/PID/smaps_rollup)");
    Figures.printHead(
        String.format(
            "%-13s %5s %10s %9s %9s %13s %6s %10s %10s %12s %7s  %s",
            "mode",
            "round",
            "healthy s",
            "JVM CPU s",
            "JVM RSS",
            "postgres RSS",
            "procs",
            "total RSS",
            "total PSS",
            "ext srv RSS",
            "stop s",
            "note"),
        4);
    List<StartupRun> sorted = new ArrayList<>(runs);
    sorted.sort(
        Comparator.comparing((StartupRun r) -> r.mode()).thenComparingInt(StartupRun::round));
    for (StartupRun r : sorted) {
      if (!r.ok()) {
        OUT.printf(
            "%-13s %5d  FAILED: %s%n", r.mode().label, r.round(), Figures.firstLine(r.failure()));
        continue;
      }
      OUT.printf(
          "%-13s %5d %10.2f %9.2f %9.1f %13.1f %6d %10.1f %10.1f %12s %7.2f  %s%n",
          r.mode().label,
          r.round(),
          r.healthySeconds(),
          r.jvmCpuSeconds(),
          mibOfKb(r.jvmRssKb()),
          mibOfKb(r.pgRssKb()),
          r.pgProcesses(),
          mibOfKb(r.totalRssKb()),
          mibOfKb(r.totalPssKb()),
          r.mode() == StartupMode.EXTERNAL
              ? String.format("%.1f", mibOfKb(r.externalServerRssKb()))
              : "-",
          r.stopSeconds(),
          r.note());
    }
  }

  static void printSummary(List<StartupRun> runs, List<StartupMode> modes) {
    Map<StartupMode, List<StartupRun>> byMode = byMode(runs, modes);
    OUT.println();
    OUT.println("Medians per mode");
    Figures.printHead(
        String.format(
            "%-13s %4s %10s %9s %9s %13s %10s %10s",
            "mode",
            "n",
            "healthy s",
            "JVM CPU s",
            "JVM RSS",
            "postgres RSS",
            "total RSS",
            "total PSS"),
        0);
    for (var e : byMode.entrySet()) {
      List<StartupRun> ok = e.getValue();
      long failedCount = runs.stream().filter(r -> r.mode() == e.getKey() && !r.ok()).count();
      if (ok.isEmpty()) {
        OUT.printf("%-13s %4d  no successful run (%d failed)%n", e.getKey().label, 0, failedCount);
        continue;
      }
      OUT.printf(
          "%-13s %4d %10.2f %9.2f %9.1f %13.1f %10.1f %10.1f%s%n",
          e.getKey().label,
          ok.size(),
          median(ok, StartupRun::healthySeconds),
          median(ok, StartupRun::jvmCpuSeconds),
          mibOfKb(median(ok, r -> r.jvmRssKb())),
          mibOfKb(median(ok, r -> r.pgRssKb())),
          mibOfKb(median(ok, r -> r.totalRssKb())),
          mibOfKb(median(ok, r -> r.totalPssKb())),
          failedCount > 0 ? "   (" + failedCount + " failed)" : "");
    }
    List<StartupRun> ext = byMode.get(StartupMode.EXTERNAL);
    if (!ext.isEmpty()) {
      OUT.printf(
          "(external: the separate PostgreSQL server itself held a median %.1f MiB RSS, not in"
              + " its total)%n",
          mibOfKb(median(ext, r -> r.externalServerRssKb())));
    }

    OUT.println();
    OUT.println("Ratios of medians (embedded / external; 1.00 = same, 2.00 = twice the external)");
    for (StartupMode m : List.of(StartupMode.EMBEDDED_COLD, StartupMode.EMBEDDED_WARM)) {
      List<StartupRun> emb = byMode.get(m);
      OUT.printf(
          "  %-13s / external: time to healthy %s   total RSS %s   total PSS %s"
              + "   (JVM CPU %s, JVM RSS %s)%n",
          m.label,
          ratio(emb, ext, StartupRun::healthySeconds),
          ratio(emb, ext, r -> r.totalRssKb()),
          ratio(emb, ext, r -> r.totalPssKb()),
          ratio(emb, ext, StartupRun::jvmCpuSeconds),
          ratio(emb, ext, r -> r.jvmRssKb()));
    }
    for (StartupMode m : List.of(StartupMode.EMBEDDED_COLD_CDS, StartupMode.EMBEDDED_WARM_CDS)) {
      if (byMode.containsKey(m)) {
        List<StartupRun> cds = byMode.get(m);
        List<StartupRun> plain = byMode.get(m.database());
        OUT.printf(
            "  %-13s / %-13s: time to healthy %s   JVM CPU %s   total RSS %s%n",
            m.label,
            m.database().label,
            ratio(cds, plain, StartupRun::healthySeconds),
            ratio(cds, plain, StartupRun::jvmCpuSeconds),
            ratio(cds, plain, r -> r.totalRssKb()));
      }
    }
  }

  private static Map<StartupMode, List<StartupRun>> byMode(
      List<StartupRun> runs, List<StartupMode> modes) {
    Map<StartupMode, List<StartupRun>> byMode = new LinkedHashMap<>();
    for (StartupMode m : modes) {
      byMode.put(m, runs.stream().filter(r -> r.mode() == m && r.ok()).toList());
    }
    return byMode;
  }

  /**
   * One line per figure the lead gathers: the goal beside the measured median, the plain jar's
   * figure beside the archive's, and the machine's load.
   */
  static void printSummaryLines(List<StartupRun> runs, List<StartupMode> modes) {
    Map<StartupMode, List<StartupRun>> byMode = byMode(runs, modes);
    OUT.println();
    OUT.println("Summary");
    summaryLine(byMode, StartupMode.EMBEDDED_COLD, "cold start, fresh data directory", 5);
    summaryLine(byMode, StartupMode.EMBEDDED_WARM, "restart, existing data directory", 3);
    summaryLine(byMode, StartupMode.EXTERNAL, "start on an external PostgreSQL", 0);
  }

  private static void summaryLine(
      Map<StartupMode, List<StartupRun>> byMode, StartupMode plain, String what, double goal) {
    List<StartupRun> ok = byMode.getOrDefault(plain, List.of());
    String figure = "no successful run";
    double median = Double.NaN;
    if (!ok.isEmpty()) {
      median = median(ok, StartupRun::healthySeconds);
      figure =
          String.format(
              "median %.2f s of %d (min %.2f s, JVM CPU %.1f s)",
              median, ok.size(), min(ok), median(ok, StartupRun::jvmCpuSeconds));
    }
    StartupMode withCds =
        plain == StartupMode.EMBEDDED_COLD
            ? StartupMode.EMBEDDED_COLD_CDS
            : plain == StartupMode.EMBEDDED_WARM ? StartupMode.EMBEDDED_WARM_CDS : null;
    String reference = "-";
    String ratio = "-";
    if (withCds != null && byMode.containsKey(withCds)) {
      List<StartupRun> cds = byMode.get(withCds);
      if (cds.isEmpty()) {
        reference = "with a CDS archive: no successful run";
      } else {
        double cdsMedian = median(cds, StartupRun::healthySeconds);
        reference =
            String.format(
                "with a CDS archive %.2f s (min %.2f s, JVM CPU %.1f s)",
                cdsMedian, min(cds), median(cds, StartupRun::jvmCpuSeconds));
        ratio = String.format("CDS / plain %.2f×", cdsMedian / median);
      }
    }
    Summary.line(
        "time to healthy, " + what,
        figure,
        reference,
        ratio,
        goal > 0 ? String.format("≤ %.0f s", goal) : "-",
        goal > 0 && !ok.isEmpty() ? Summary.met(median <= goal) : "-");
  }

  private static double min(List<StartupRun> runs) {
    return runs.stream().mapToDouble(StartupRun::healthySeconds).min().orElse(Double.NaN);
  }

  private static String ratio(
      List<StartupRun> a, List<StartupRun> b, ToDoubleFunction<StartupRun> f) {
    if (a.isEmpty() || b.isEmpty()) {
      return "  n/a";
    }
    double den = median(b, f);
    return den == 0 ? "  n/a" : String.format("%5.2fx", median(a, f) / den);
  }
}
