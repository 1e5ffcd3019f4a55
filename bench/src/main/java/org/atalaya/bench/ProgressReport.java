package org.atalaya.bench;

import static org.atalaya.bench.Bench.OUT;

import java.util.List;

/** The progress benchmark's table, ratios and verdict. */
final class ProgressReport {
  private static final double GOAL_MS = 100;
  private static final double GOAL_SCALE_RATIO = 3;

  private ProgressReport() {}

  static void print(List<ProgressBench.Result> results) {
    if (results.isEmpty()) {
      return;
    }
    OUT.println();
    OUT.printf(
        "%-6s %12s %13s %12s %13s %12s %12s %10s%n",
        "scale",
        "rows",
        "progress p50",
        "progress p90",
        "raw SQL p50",
        "raw SQL p90",
        "progress/SQL",
        "answer KiB");
    for (ProgressBench.Result r : results) {
      var t = r.timing();
      OUT.printf(
          "×%-5d %,12d %10.1f ms %9.1f ms %10.1f ms %9.1f ms %8d %12.2f %10.1f%n",
          r.scale(),
          r.rows(),
          t.median(t.serviceMs()),
          t.p90(t.serviceMs()),
          t.median(t.sqlMs()),
          t.p90(t.sqlMs()),
          t.sqlMs().length,
          t.median(t.serviceMs()) / t.median(t.sqlMs()),
          t.answerBytes() / 1024.0);
    }
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
          "Goal 1, whole-plan progress under %.0f ms at municipal scale: %.1f ms, %s%n",
          GOAL_MS, baseService, baseService < GOAL_MS ? "met" : "NOT met");
    }
    results.stream()
        .filter(r -> r.scale() == 50)
        .findFirst()
        .ifPresent(
            r -> {
              double ratio = r.timing().median(r.timing().serviceMs()) / baseService;
              OUT.printf(
                  "Goal 2, ×50 no more than %.0f× slower than ×%d: %.2f×, %s%n",
                  GOAL_SCALE_RATIO,
                  base.scale(),
                  ratio,
                  ratio <= GOAL_SCALE_RATIO ? "met" : "NOT met");
            });
  }
}
