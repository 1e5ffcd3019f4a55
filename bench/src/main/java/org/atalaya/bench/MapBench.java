package org.atalaya.bench;

import static org.atalaya.bench.Bench.OUT;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntSupplier;
import org.atalaya.chart.ChartMeta;
import org.atalaya.chart.ChoroplethMap;
import org.atalaya.chart.NumberStyle;

/**
 * Choropleth map rendering in this JVM: a district of 18 corregimientos (La Chorrera's count) and a
 * country of 700 (the 2023 census has 699), as synthetic polygons: a grid of cells whose edges
 * wobble through {@code --points} positions each, some with a hole, one unit in ten withheld and
 * one in twenty without data. Each map is drawn as SVG and PNG through the product's chart package,
 * cases interleaved after a warm-up; the median and 90th percentile in ms are printed side by side.
 * Always exits 0.
 *
 * <pre>bench/run.sh maps [--rounds 40] [--warmup 20] [--points 60] [--width 880] [--height 440]
 * </pre>
 */
public final class MapBench {
  private MapBench() {}

  public static void main(String[] args) {
    Bench.run(() -> run(args));
  }

  private static void run(String[] args) {
    int rounds = 40;
    int warmUp = 20;
    int points = 60;
    int width = 880;
    int height = 440;
    Args a = new Args(args);
    while (a.next()) {
      switch (a.name()) {
        case "--rounds" -> rounds = Integer.parseInt(a.requiredValue());
        case "--warmup" -> warmUp = Integer.parseInt(a.requiredValue());
        case "--points" -> points = Integer.parseInt(a.requiredValue());
        case "--width" -> width = Integer.parseInt(a.requiredValue());
        case "--height" -> height = Integer.parseInt(a.requiredValue());
        default -> throw new IllegalArgumentException("Unknown option " + a.name());
      }
    }
    int w = width;
    int h = height;
    ChoroplethMap small = map(18, 6, points);
    ChoroplethMap large = map(700, 35, points);
    Map<String, IntSupplier> cases = new LinkedHashMap<>();
    cases.put("svg 18", () -> ChartBenchCharts.svg(small, w, h).length());
    cases.put("png 18", () -> ChartBenchCharts.png(small, w, h).length);
    cases.put("svg 700", () -> ChartBenchCharts.svg(large, w, h).length());
    cases.put("png 700", () -> ChartBenchCharts.png(large, w, h).length);

    OUT.printf(
        "Maps: 18 and 700 synthetic units, %d positions per ring, %dx%d px, es-PA; %d warm-up"
            + " and %d timed rounds, cases interleaved; java %s, %d CPUs%n%n",
        points * 4,
        w,
        h,
        warmUp,
        rounds,
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
    List<String> names = new ArrayList<>(cases.keySet());
    Map<String, double[]> millis = new LinkedHashMap<>();
    Map<String, Integer> sizes = new LinkedHashMap<>();
    for (String n : names) {
      millis.put(n, new double[rounds]);
    }
    long sink = 0;
    for (int r = -warmUp; r < rounds; r++) {
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(Math.floorMod(i + r, names.size()));
        long start = System.nanoTime();
        int size = cases.get(name).getAsInt();
        long took = System.nanoTime() - start;
        sink += size;
        sizes.put(name, size);
        if (r >= 0) {
          millis.get(name)[r] = took / 1e6;
        }
      }
    }
    OUT.printf(
        "%-8s %14s %14s %14s %14s%n", "units", "SVG median", "SVG p90", "PNG median", "PNG p90");
    for (String units : List.of("18", "700")) {
      ChartBench.Summary svg = ChartBench.Summary.of(millis.get("svg " + units));
      ChartBench.Summary png = ChartBench.Summary.of(millis.get("png " + units));
      OUT.printf(
          "%-8s %11.1f ms %11.1f ms %11.1f ms %11.1f ms%n",
          units, svg.median(), svg.p90(), png.median(), png.p90());
    }
    OUT.printf(
        "%nOutput size: SVG 18 = %d kB, SVG 700 = %d kB, PNG 18 = %d kB, PNG 700 = %d kB"
            + " (checksum %d)%n",
        sizes.get("svg 18") / 1024,
        sizes.get("svg 700") / 1024,
        sizes.get("png 18") / 1024,
        sizes.get("png 700") / 1024,
        sink % 1000);
  }

  /** {@code units} cells in rows of {@code columns}, each edge wobbling through its positions. */
  static ChoroplethMap map(int units, int columns, int points) {
    Random random = new Random(units);
    double cell = 0.02;
    List<ChoroplethMap.Area> areas = new ArrayList<>();
    for (int u = 0; u < units; u++) {
      double x0 = -80.0 + (u % columns) * cell;
      double y0 = 8.5 + (u / columns) * cell;
      List<List<double[]>> rings = new ArrayList<>();
      rings.add(ring(x0, y0, cell, points, random));
      if (u % 7 == 3) {
        double c = cell / 4;
        rings.add(
            List.of(
                new double[] {x0 + c, y0 + c},
                new double[] {x0 + 2 * c, y0 + c},
                new double[] {x0 + 2 * c, y0 + 2 * c},
                new double[] {x0 + c, y0 + 2 * c},
                new double[] {x0 + c, y0 + c}));
      }
      String code = "U" + u;
      String name = "Unidad " + u;
      areas.add(
          u % 10 == 9
              ? ChoroplethMap.Area.withheld(code, name, rings)
              : u % 20 == 4
                  ? ChoroplethMap.Area.noData(code, name, rings)
                  : ChoroplethMap.Area.of(code, name, rings, random.nextDouble() * 80));
    }
    return new ChoroplethMap(
        new ChartMeta(
            "Tasa de homicidios por corregimiento",
            "por 100 000 habitantes",
            "Sintético",
            LocalDate.of(2026, 12, 6),
            NumberStyle.ONE_DECIMAL),
        areas,
        5,
        true,
        null,
        null);
  }

  /** A square's outline, each side in {@code points} steps pushed a little in or out. */
  private static List<double[]> ring(double x0, double y0, double size, int points, Random r) {
    List<double[]> ring = new ArrayList<>();
    double[][] corners = {{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}};
    for (int side = 0; side < 4; side++) {
      double[] from = corners[side];
      double[] to = corners[(side + 1) % 4];
      for (int i = 0; i < points; i++) {
        double t = (double) i / points;
        double wobble = i == 0 ? 0 : (r.nextDouble() - 0.5) * size * 0.04;
        double nx = -(to[1] - from[1]) / size;
        double ny = (to[0] - from[0]) / size;
        ring.add(
            new double[] {
              from[0] + (to[0] - from[0]) * t + nx * wobble,
              from[1] + (to[1] - from[1]) * t + ny * wobble
            });
      }
    }
    ring.add(ring.get(0));
    return ring;
  }
}
