package org.atalaya.bench;

import static org.atalaya.bench.Bench.OUT;

import java.util.Map;

/** The chart benchmark's table, ratios to the bare JFreeChart drawing, and the goal's verdict. */
final class ChartBenchReport {
  static final double SVG_GOAL_MS = 10;
  static final double PNG_GOAL_MS = 30;

  private ChartBenchReport() {}

  static void print(Map<String, double[]> millis, long sink) {
    Figures.printHead(
        String.format("%-18s %10s %10s %14s", "case", "median ms", "p90 ms", "x bare"), 0);
    for (Map.Entry<String, double[]> e : millis.entrySet()) {
      ChartBench.Summary s = ChartBench.Summary.of(e.getValue());
      String target = e.getKey().substring(0, 3);
      double bare = ChartBench.Summary.of(millis.get(target + " bare")).median();
      OUT.printf(
          "%-18s %10.2f %10.2f %13.2fx%n", e.getKey(), s.median(), s.p90(), s.median() / bare);
    }
    double svg = ChartBench.Summary.of(millis.get("svg ours+target")).median();
    double png = ChartBench.Summary.of(millis.get("png ours+target")).median();
    OUT.printf(
        "%nGOAL (the themed chart with target, baseline and forecast): SVG %.2f ms < %.0f ms: %s;"
            + " PNG %.2f ms < %.0f ms: %s%n",
        svg,
        SVG_GOAL_MS,
        svg < SVG_GOAL_MS ? "MET" : "NOT MET",
        png,
        PNG_GOAL_MS,
        png < PNG_GOAL_MS ? "MET" : "NOT MET");
    OUT.printf("(checksum of output sizes: %d)%n", sink);
  }
}
