package org.atalaya.bench;

import static org.atalaya.bench.Bench.OUT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The page-load figures: one line per measured window, then the best round of each page. */
final class PagesReport {
  private static final String OVERVIEW = "plan overview";
  private static final String FLOOR = "static file";

  private PagesReport() {}

  static void printWindow(int round, PageLoad.Window w) {
    OUT.printf(
        "round %d  %-17s %8.1f req/s  p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms  %7.1f KiB"
            + "  errors %d%s  CPU s: service %.1f, load generator %.1f, machine %.1f%n",
        round,
        w.name(),
        w.requestsPerSecond(),
        w.percentileMs(50),
        w.percentileMs(99),
        w.percentileMs(100),
        w.meanBytes() / 1024,
        w.errors(),
        w.firstError() == null ? "" : " (first: " + Figures.shorten(w.firstError()) + ")",
        w.serviceCpuSeconds(),
        w.clientCpuSeconds(),
        w.machineCpuSeconds());
  }

  /** Per page the round with the most requests/s; ratios to the static file of the same kind. */
  static void print(List<PageLoad.Window> windows, int clients) {
    Map<String, PageLoad.Window> best = new LinkedHashMap<>();
    for (PageLoad.Window w : windows) {
      best.merge(w.name(), w, (x, y) -> x.requestsPerSecond() >= y.requestsPerSecond() ? x : y);
    }
    PageLoad.Window floor = best.get(FLOOR);
    OUT.printf("%nBest round of each page, %d clients:%n", clients);
    OUT.printf(
        "%-17s %10s %9s %9s %12s %16s %14s%n",
        "page", "req/s", "p50 ms", "p99 ms", "service ms/req", "req/s vs static", "p99 vs static");
    for (PageLoad.Window w : best.values()) {
      double n = w.latencies().length;
      OUT.printf(
          "%-17s %10.1f %9.1f %9.1f %12.2f %15.2fx %13.2fx%n",
          w.name(),
          w.requestsPerSecond(),
          w.percentileMs(50),
          w.percentileMs(99),
          n == 0 ? Double.NaN : w.serviceCpuSeconds() * 1000 / n,
          floor == null ? Double.NaN : w.requestsPerSecond() / floor.requestsPerSecond(),
          floor == null ? Double.NaN : w.percentileMs(99) / floor.percentileMs(99));
    }
    PageLoad.Window overview = best.get(OVERVIEW);
    if (overview != null) {
      boolean met = overview.percentileMs(99) < 200 && overview.requestsPerSecond() >= 300;
      OUT.printf(
          "%nGoal (plan overview p99 < 200 ms at >= 300 req/s, %d clients): %s — p99 %.1f ms at"
              + " %.1f req/s%s%n",
          clients,
          met ? "met" : "NOT met",
          overview.percentileMs(99),
          overview.requestsPerSecond(),
          overview.errors() > 0 ? ", " + overview.errors() + " errors" : "");
    }
    OUT.printf(
        "The load generator shares the 2 cores with the service and PostgreSQL: its CPU is part"
            + " of each window's machine CPU.%n");
  }
}
