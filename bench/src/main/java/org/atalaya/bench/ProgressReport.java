package org.atalaya.bench;

import static org.atalaya.bench.Bench.OUT;

import java.util.List;

/** The progress benchmark's table, ratios and verdict. */
final class ProgressReport {
  /** Issue 20's goals: whole-plan progress ≤ 50 ms p50 at ×1, and ×50 ≤ 1.5× of ×1. */
  private static final double GOAL_MS = 50;

  private static final double GOAL_SCALE_RATIO = 1.5;

  private ProgressReport() {}

  private static void head() {
    OUT.printf(
        "%-6s %12s %13s %12s %13s %12s %8s %12s %10s%n",
        "scale",
        "rows",
        "progress p50",
        "progress p90",
        "raw SQL p50",
        "raw SQL p90",
        "SQL runs",
        "progress/SQL",
        "answer KiB");
  }

  private static void row(ProgressBench.Result r) {
    var t = r.timing();
    String more = t.sqlCapped() ? ">" : " ";
    OUT.printf(
        "×%-5d %,12d %10.1f ms %9.1f ms %s%9.1f ms %s%8.1f ms %8d %12.3f %10.1f%n",
        r.scale(),
        r.rows(),
        t.median(t.serviceMs()),
        t.p90(t.serviceMs()),
        more,
        t.median(t.sqlMs()),
        more,
        t.p90(t.sqlMs()),
        t.sqlMs().length,
        t.median(t.serviceMs()) / t.median(t.sqlMs()),
        t.answerBytes() / 1024.0);
  }

  /** One scale's line as soon as it is measured, so a long run shows its figures as it goes. */
  static void printScale(ProgressBench.Result r) {
    head();
    row(r);
    OUT.printf("(machine load average, 1 min: %.2f)%n", ProcFs.loadAverage());
    OUT.println();
  }

  static void print(List<ProgressBench.Result> results) {
    if (results.isEmpty()) {
      return;
    }
    OUT.println();
    head();
    results.forEach(ProgressReport::row);
    ProgressBench.Result base = results.get(0);
    double baseService = base.timing().median(base.timing().serviceMs());
    double baseSql = base.timing().median(base.timing().sqlMs());
    OUT.println();
    for (ProgressBench.Result r : results.subList(1, results.size())) {
      var t = r.timing();
      OUT.printf(
          "×%d against ×%d: progress %.2f× slower, raw SQL aggregate %.2f× slower%n",
          r.scale(),
          base.scale(),
          t.median(t.serviceMs()) / baseService,
          t.median(t.sqlMs()) / baseSql);
    }
    OUT.println();
    if (base.scale() == 1) {
      OUT.printf(
          "Goal 1, whole-plan progress at most %.0f ms p50 at municipal scale: %.1f ms, %s%n",
          GOAL_MS, baseService, baseService <= GOAL_MS ? "met" : "NOT met");
    }
    results.stream()
        .filter(r -> r.scale() == 50)
        .findFirst()
        .ifPresent(
            r -> {
              double ratio = r.timing().median(r.timing().serviceMs()) / baseService;
              OUT.printf(
                  "Goal 2, ×50 no more than %.1f× slower than ×%d: %.2f×, %s%n",
                  GOAL_SCALE_RATIO,
                  base.scale(),
                  ratio,
                  ratio <= GOAL_SCALE_RATIO ? "met" : "NOT met");
            });
    if (results.stream().noneMatch(r -> r.scale() == 50)) {
      OUT.println("Goal 2 not measured: the ×50 leg did not run (--scales without 50).");
    }
    OUT.printf(
        "Machine load average at the end (1 min): %.2f; on a loaded machine read the ratios.%n",
        ProcFs.loadAverage());
    summarise(results, baseService);
  }

  /** The lines {@code bench/run.sh all} gathers: one per scale, each against the raw SQL. */
  private static void summarise(List<ProgressBench.Result> results, double baseService) {
    OUT.println();
    ProgressBench.Result base = results.get(0);
    for (ProgressBench.Result r : results) {
      var t = r.timing();
      double service = t.median(t.serviceMs());
      double sql = t.median(t.sqlMs());
      String goal = "-";
      String met = "-";
      if (r.scale() == 1) {
        goal = String.format("≤ %.0f ms p50", GOAL_MS);
        met = Summary.met(service <= GOAL_MS);
      } else if (r.scale() == 50 && base.scale() == 1) {
        goal =
            String.format(
                "×50 ≤ %.1f× of ×1 (here %.2f×)", GOAL_SCALE_RATIO, service / baseService);
        met = Summary.met(service / baseService <= GOAL_SCALE_RATIO);
      }
      Summary.line(
          String.format(
              "whole-plan progress, 200 indicators, signed in, ×%d (%,d rows)",
              r.scale(), r.rows()),
          String.format("p50 %.1f ms, p90 %.1f ms", service, t.p90(t.serviceMs())),
          String.format("hand-written SQL over the raw rows p50 %.1f ms", sql),
          String.format("%.3f× the SQL's time", service / sql),
          goal,
          met);
    }
  }
}
