package org.atalaya.bench;

import static org.atalaya.bench.Bench.OUT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The page-load figures: one line per measured window, then the best round of each page. */
final class PagesReport {
  private static final String OVERVIEW = "plan overview";
  private static final String FLOOR = "static file";

  /** Issue 20's goal for the signed-in overview: 1,000 requests/s with p99 under 100 ms. */
  private static final double SIGNED_IN_RPS = 1000;

  private static final double SIGNED_IN_P99_MS = 100;

  private PagesReport() {}

  static void printWindow(int round, PageLoad.Window w) {
    OUT.printf(
        "round %d  %-18s %8.1f req/s  p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms  %7.1f KiB"
            + "  errors %d%s  CPU s: service %.1f, load generator %.1f, machine %.1f; load %.2f%n",
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
        w.machineCpuSeconds(),
        ProcFs.loadAverage());
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
        "%-18s %10s %9s %9s %12s %16s %14s%n",
        "page", "req/s", "p50 ms", "p99 ms", "service ms/req", "req/s vs static", "p99 vs static");
    for (PageLoad.Window w : best.values()) {
      double n = w.latencies().length;
      OUT.printf(
          "%-18s %10.1f %9.1f %9.1f %12.2f %15.2fx %13.2fx%n",
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
    PageLoad.Window signedIn = best.get(PagesBench.SIGNED_IN);
    if (signedIn != null && overview != null) {
      OUT.printf(
          "Signed in against public overview: %.1f vs %.1f req/s (%.2fx), p99 %.1f vs %.1f ms"
              + " (%.2fx)%n",
          signedIn.requestsPerSecond(),
          overview.requestsPerSecond(),
          signedIn.requestsPerSecond() / overview.requestsPerSecond(),
          signedIn.percentileMs(99),
          overview.percentileMs(99),
          signedIn.percentileMs(99) / overview.percentileMs(99));
    }
    if (signedIn != null) {
      boolean met =
          signedIn.percentileMs(99) < SIGNED_IN_P99_MS
              && signedIn.requestsPerSecond() >= SIGNED_IN_RPS;
      OUT.printf(
          "Goal (overview signed in >= %.0f req/s with p99 < %.0f ms): %s — %.1f req/s, p99 %.1f"
              + " ms%n",
          SIGNED_IN_RPS,
          SIGNED_IN_P99_MS,
          met ? "met" : "NOT met",
          signedIn.requestsPerSecond(),
          signedIn.percentileMs(99));
    }
    OUT.printf("Machine load average at the end (1 min): %.2f%n", ProcFs.loadAverage());
    if (overview != null) {
      Summary.line(
          String.format("plan overview, public, %d clients", clients),
          String.format(
              "%.1f req/s, p99 %.1f ms", overview.requestsPerSecond(), overview.percentileMs(99)),
          floor == null
              ? "-"
              : String.format(
                  "static file %.1f req/s, p99 %.1f ms",
                  floor.requestsPerSecond(), floor.percentileMs(99)),
          floor == null
              ? "-"
              : String.format(
                  "%.2f× the static file's req/s",
                  overview.requestsPerSecond() / floor.requestsPerSecond()),
          "p99 < 200 ms at ≥ 300 req/s",
          Summary.met(overview.percentileMs(99) < 200 && overview.requestsPerSecond() >= 300));
    }
    if (signedIn != null) {
      Summary.line(
          String.format("plan overview, signed in, %d clients", clients),
          String.format(
              "%.1f req/s, p99 %.1f ms", signedIn.requestsPerSecond(), signedIn.percentileMs(99)),
          overview == null
              ? "-"
              : String.format(
                  "the public overview %.1f req/s, p99 %.1f ms",
                  overview.requestsPerSecond(), overview.percentileMs(99)),
          overview == null
              ? "-"
              : String.format(
                  "%.2f× the public's req/s",
                  signedIn.requestsPerSecond() / overview.requestsPerSecond()),
          String.format("≥ %.0f req/s, p99 < %.0f ms", SIGNED_IN_RPS, SIGNED_IN_P99_MS),
          Summary.met(
              signedIn.percentileMs(99) < SIGNED_IN_P99_MS
                  && signedIn.requestsPerSecond() >= SIGNED_IN_RPS));
    }
    OUT.printf(
        "The load generator shares the 2 cores with the service and PostgreSQL: its CPU is part"
            + " of each window's machine CPU.%n");
  }
}
