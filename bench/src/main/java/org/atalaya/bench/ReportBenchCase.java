package org.atalaya.bench;

import java.util.ArrayList;
import java.util.List;
import org.atalaya.report.ReportExport;

/** One file of the report rendered again and again: its times (seconds) and last size. */
final class ReportBenchCase {
  final String label;
  final String file;
  final List<Double> seconds = new ArrayList<>();
  long bytes;

  ReportBenchCase(String label, String file) {
    this.label = label;
    this.file = file;
  }

  void render(ReportExport export, String period) throws Exception {
    bytes = export.one(ReportBench.PLAN, period, file).content().length;
  }

  void time(ReportExport export, String period) throws Exception {
    long start = System.nanoTime();
    render(export, period);
    seconds.add(Figures.seconds(System.nanoTime() - start));
  }
}
