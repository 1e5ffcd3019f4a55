package org.atalaya.bench;

import static org.atalaya.bench.Bench.OUT;
import static org.atalaya.bench.Figures.median;

import java.util.List;

/**
 * The medians per method, the ratio upload ÷ COPY, and the verdict on the goal: upload at least
 * half as fast as COPY, with the service's heap under 256 MiB. Printed; it never fails the run.
 */
final class IngestVerdict {

  private static final double GOAL_RATIO = 0.8; // issue 20: upload >= 0.8 x COPY
  private static final long GOAL_HEAP_BYTES = 256L * 1024 * 1024;

  private IngestVerdict() {}

  static void print(
      List<LoadResult> results, List<LoadResult> uploads, String xmx, String serviceArgs) {
    List<LoadResult> okUploads = uploads.stream().filter(LoadResult::ok).toList();
    List<LoadResult> okCopies =
        results.stream().filter(r -> r.method() == LoadMethod.COPY && r.ok()).toList();
    OUT.println();
    OUT.println("Summary (median over rounds; with 2 rounds the mean of the two)");
    summaryLine("upload", okUploads, uploads.size());
    summaryLine(
        "COPY",
        okCopies,
        (int) results.stream().filter(r -> r.method() == LoadMethod.COPY).count());
    Double ratio = null;
    if (!okUploads.isEmpty() && !okCopies.isEmpty()) {
      ratio =
          median(okUploads, LoadResult::rowsPerSecond)
              / median(okCopies, LoadResult::rowsPerSecond);
      StringBuilder perRound = new StringBuilder();
      for (LoadResult u : okUploads) {
        results.stream()
            .filter(c -> c.method() == LoadMethod.COPY && c.ok() && c.round() == u.round())
            .findFirst()
            .ifPresent(
                c ->
                    perRound.append(
                        String.format(
                            "%sround %d %.2f",
                            perRound.length() == 0 ? "" : ", ",
                            u.round(),
                            u.rowsPerSecond() / c.rowsPerSecond())));
      }
      OUT.printf(
          "  ratio upload / COPY throughput: %.2f  (%.1f%% of COPY's rows/s; per round: %s)%n",
          ratio, ratio * 100, perRound);
    } else {
      OUT.println("  ratio upload / COPY throughput: n/a (a method has no successful load)");
    }

    long peakHeap = -1;
    for (LoadResult r : uploads) {
      peakHeap =
          Math.max(peakHeap, Math.max(r.memory().sampledPeakHeap(), r.memory().gcPeakBeforeGc()));
    }
    OUT.println();
    long failedUploads = uploads.size() - okUploads.size();
    boolean ratioMet = ratio != null && ratio >= GOAL_RATIO;
    boolean heapMet = peakHeap > 0 && peakHeap < GOAL_HEAP_BYTES;
    OUT.printf(
        "GOAL upload >= %.1f x COPY throughput with heap < 256 MiB: %s%n",
        GOAL_RATIO, ratioMet && heapMet && failedUploads == 0 ? "MET" : "NOT MET");
    if (failedUploads > 0) {
      OUT.printf(
          "  uploads: not met (%d of %d failed; the ratio counts only the successful ones)%n",
          failedUploads, uploads.size());
    }
    OUT.printf(
        "  throughput: %s (ratio %s, needs >= %.2f)%n",
        ratio == null ? "not measured" : ratioMet ? "met" : "not met",
        ratio == null ? "n/a" : String.format("%.2f", ratio),
        GOAL_RATIO);
    OUT.printf(
        "  heap: %s (peak %s: the higher of the /prometheus samples and the GC log's heap before"
            + " a collection, over every upload; -Xmx%s)%n",
        peakHeap <= 0 ? "not measured" : heapMet ? "met" : "not met",
        Figures.mibOrDash(peakHeap),
        xmx);
    long rows = uploads.isEmpty() ? 0 : uploads.get(0).rows();
    Summary.line(
        String.format(
            "CSV upload of %,d rows%s",
            rows, serviceArgs.isBlank() ? "" : " (service started with " + serviceArgs + ")"),
        okUploads.isEmpty()
            ? "no successful upload"
            : String.format(
                "%.2f s, peak heap %s",
                median(okUploads, LoadResult::seconds), Figures.mibOrDash(peakHeap)),
        okCopies.isEmpty()
            ? "-"
            : String.format(
                "PostgreSQL COPY of the same rows %.2f s", median(okCopies, LoadResult::seconds)),
        ratio == null ? "-" : String.format("%.2f× COPY's rows/s", ratio),
        String.format("≥ %.1f× COPY, heap < 256 MiB", GOAL_RATIO),
        Summary.met(ratioMet && heapMet && failedUploads == 0));
  }

  private static void summaryLine(String label, List<LoadResult> ok, int all) {
    if (ok.isEmpty()) {
      OUT.printf("  %-6s no successful load (%d failed)%n", label, all);
      return;
    }
    OUT.printf(
        "  %-6s %,10.0f rows/s  (%.2f s for %,d rows; n=%d%s)%n",
        label,
        median(ok, LoadResult::rowsPerSecond),
        median(ok, LoadResult::seconds),
        ok.get(0).rows(),
        ok.size(),
        all > ok.size() ? ", " + (all - ok.size()) + " failed" : "");
  }
}
