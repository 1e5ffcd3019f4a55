package org.atalaya.bench;

import static org.atalaya.bench.Bench.OUT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.atalaya.chart.ChartSpec;

/**
 * Chart rendering in this JVM: a 60-point, 3-series time series drawn by the product's chart
 * package as PNG and as SVG, against JFreeChart drawing the same data bare (ChartFactory defaults)
 * into the same targets. Every case runs once per round, in an order that rotates from round to
 * round, after a warm-up. Goal: SVG under 10 ms, PNG under 30 ms (median). Always exits 0.
 *
 * <pre>bench/run.sh charts [--rounds 300] [--warmup 200] [--width 800] [--height 450]</pre>
 */
public final class ChartBench {
  private ChartBench() {}

  public static void main(String[] args) {
    Bench.run(() -> run(args));
  }

  private static void run(String[] args) {
    int rounds = 300;
    int warmUp = 200;
    int width = 800;
    int height = 450;
    Args a = new Args(args);
    while (a.next()) {
      switch (a.name()) {
        case "--rounds" -> rounds = Integer.parseInt(a.requiredValue());
        case "--warmup" -> warmUp = Integer.parseInt(a.requiredValue());
        case "--width" -> width = Integer.parseInt(a.requiredValue());
        case "--height" -> height = Integer.parseInt(a.requiredValue());
        default -> throw new IllegalArgumentException("Unknown option " + a.name());
      }
    }
    int w = width;
    int h = height;
    ChartSpec ours = ChartBenchCharts.ours();
    ChartSpec full = ChartBenchCharts.oursFull();
    // Each case returns its output's size, so that the JIT cannot drop the work.
    Map<String, IntSupplier> cases = new LinkedHashMap<>();
    cases.put("svg ours", () -> ChartBenchCharts.svg(ours, w, h).length());
    cases.put("svg bare", () -> ChartBenchCharts.bareSvg(w, h).length());
    cases.put("svg ours+target", () -> ChartBenchCharts.svg(full, w, h).length());
    cases.put("png ours", () -> ChartBenchCharts.png(ours, w, h).length);
    cases.put("png bare", () -> ChartBenchCharts.barePng(w, h).length);
    cases.put("png ours+target", () -> ChartBenchCharts.png(full, w, h).length);

    OUT.printf(
        "Charts: 60 months x 3 series, %dx%d px, es-PA; %d warm-up and %d timed rounds, cases"
            + " interleaved; java %s, %d CPUs%n%n",
        w,
        h,
        warmUp,
        rounds,
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
    List<String> names = new ArrayList<>(cases.keySet());
    Map<String, double[]> millis = new LinkedHashMap<>();
    for (String n : names) {
      millis.put(n, new double[rounds]);
    }
    long sink = 0;
    for (int r = -warmUp; r < rounds; r++) {
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(Math.floorMod(i + r, names.size()));
        long start = System.nanoTime();
        sink += cases.get(name).getAsInt();
        long took = System.nanoTime() - start;
        if (r >= 0) {
          millis.get(name)[r] = took / 1e6;
        }
      }
    }
    ChartBenchReport.print(millis, sink);
  }

  /** The median and the 90th percentile of a case's rounds, in ms. */
  record Summary(double median, double p90) {
    static Summary of(double[] ms) {
      double[] v = ms.clone();
      Arrays.sort(v);
      int n = v.length;
      double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
      return new Summary(median, v[Math.min(n - 1, (int) Math.ceil(0.9 * n) - 1)]);
    }
  }
}
