package org.atalaya.bench;

import static org.atalaya.bench.Bench.OUT;
import static org.atalaya.bench.Figures.mibOrDash;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The ingest benchmark's output: a line per load as it ends, then every load, the service's memory
 * and where each upload's time went; the summary and the verdict follow ({@link IngestVerdict}).
 */
final class IngestReport {

  private IngestReport() {}

  static void printProgress(LoadResult r) {
    if (!r.ok()) {
      OUT.printf(
          "  round %d #%d %-6s FAILED: %s%s%n",
          r.round(),
          r.position(),
          r.method().label,
          r.failure(),
          r.note().isEmpty() ? "" : "\n      note: " + r.note());
      return;
    }
    OUT.printf(
        "  round %d #%d %-6s %,d rows in %7.2f s = %,9.0f rows/s   (%s)%n",
        r.round(),
        r.position(),
        r.method().label,
        r.rows(),
        r.seconds(),
        r.rowsPerSecond(),
        r.serverReport());
    if (!r.note().isEmpty()) {
      OUT.println("      note: " + r.note());
    }
  }

  /** Everything after the loads; {@code heapMaxBytes} as the JVM last reported it, or -1. */
  static void printResults(
      List<LoadResult> results, String xmx, long heapMaxBytes, String serviceArgs) {
    if (results.isEmpty()) {
      OUT.println();
      OUT.println("No load was measured. GOAL: not assessed.");
      return;
    }
    printLoads(results);
    List<LoadResult> uploads =
        results.stream().filter(r -> r.method() == LoadMethod.UPLOAD).toList();
    printMemory(uploads, xmx, heapMaxBytes);
    printPhases(uploads);
    IngestVerdict.print(results, uploads, xmx, serviceArgs);
  }

  private static void printLoads(List<LoadResult> results) {
    OUT.println();
    OUT.println(
        "Every load (seconds: client's view, from the request's/COPY's start to its answer;"
            + " CPU: seconds used during the load)");
    Figures.printHead(
        String.format(
            "%-5s %3s %-6s %10s %9s %11s %11s %9s",
            "round", "#", "method", "rows", "seconds", "rows/s", "service CPU", "PG CPU"),
        0);
    List<LoadResult> sorted = new ArrayList<>(results);
    sorted.sort(Comparator.comparingInt(LoadResult::round).thenComparingInt(LoadResult::position));
    for (LoadResult r : sorted) {
      if (!r.ok()) {
        OUT.printf(
            "%-5d %3d %-6s  FAILED: %s%n",
            r.round(), r.position(), r.method().label, Figures.firstLine(r.failure()));
        continue;
      }
      OUT.printf(
          "%-5d %3d %-6s %,10d %9.2f %,11.0f %11.2f %9.2f%n",
          r.round(),
          r.position(),
          r.method().label,
          r.rows(),
          r.seconds(),
          r.rowsPerSecond(),
          r.serviceCpuSeconds(),
          r.postgresCpuSeconds());
    }
  }

  private static void printMemory(List<LoadResult> uploads, String xmx, long heapMaxBytes) {
    OUT.println();
    OUT.printf(
        "Service memory during each upload (JVM -Xmx%s; heap max reported by the JVM: %s)%n",
        xmx, heapMaxBytes > 0 ? String.format("%.1f MiB", Figures.mibOfBytes(heapMaxBytes)) : "?");
    Figures.printHead(
        String.format(
            "%-5s %22s %9s %20s %19s %14s %18s",
            "round",
            "peak heap, /prometheus",
            "samples",
            "peak heap before GC",
            "max heap after GC",
            "GC pauses",
            "peak RSS (VmHWM)"),
        0);
    for (LoadResult r : uploads) {
      UploadMemory m = r.memory();
      OUT.printf(
          "%-5d %22s %9d %20s %19s %14s %18s%s%n",
          r.round(),
          mibOrDash(m.sampledPeakHeap()),
          m.samples(),
          mibOrDash(m.gcPeakBeforeGc()),
          mibOrDash(m.gcPeakAfterGc()),
          String.format("%d, %.0f ms", m.gcCount(), m.gcPauseMs()),
          mibOrDash(m.peakRssKb() < 0 ? -1 : m.peakRssKb() * 1024),
          m.rssPeakReset() ? "" : "  (VmHWM not reset: max of sampled VmRSS)");
    }
  }

  private static void printPhases(List<LoadResult> uploads) {
    OUT.println();
    OUT.println(
        "Where each upload's time went: the service's statements as pg_stat_activity showed them,"
            + " sampled every 100 ms\n(seconds from the request's start; shorter ones may be"
            + " missed)");
    for (LoadResult r : uploads) {
      OUT.printf("  round %d:%s%n", r.round(), r.phases().isEmpty() ? " nothing seen" : "");
      for (UploadPhase ph : r.phases()) {
        OUT.printf(
            "    %6.1f .. %6.1f s  (~%5.1f s)  %s%n",
            ph.first(), ph.last(), ph.last() - ph.first() + 0.1, ph.statement());
      }
    }
  }
}
