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
 * country of 700 (the 2023 census has 699), as synthetic polygons: a grid of cells whose borders
 * wobble through {@code --points} positions each (two neighbours share a border's very positions,
 * as real boundaries do), some with a hole, one unit in ten withheld and one in twenty without
 * data. Each map is drawn as SVG and PNG through the product's chart package, as maps are drawn now
 * (outlines simplified to the pixel) and as before (every position: "full"), cases interleaved
 * after a warm-up; the median and 90th percentile in ms and the output's size are printed side by
 * side. Always exits 0.
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
    for (String how : List.of("", " full")) {
      ChoroplethMap s18 = how.isEmpty() ? small : small.withFullDetail();
      ChoroplethMap s700 = how.isEmpty() ? large : large.withFullDetail();
      cases.put("svg 18" + how, () -> utf8(ChartBenchCharts.svg(s18, w, h)));
      cases.put("png 18" + how, () -> ChartBenchCharts.png(s18, w, h).length);
      cases.put("svg 700" + how, () -> utf8(ChartBenchCharts.svg(s700, w, h)));
      cases.put("png 700" + how, () -> ChartBenchCharts.png(s700, w, h).length);
    }

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
        "%-14s %12s %12s %12s %12s %12s %12s%n",
        "units", "SVG median", "SVG p90", "SVG bytes", "PNG median", "PNG p90", "PNG bytes");
    for (String units : List.of("18", "700")) {
      for (String how : List.of(" full", "")) {
        ChartBench.Summary svg = ChartBench.Summary.of(millis.get("svg " + units + how));
        ChartBench.Summary png = ChartBench.Summary.of(millis.get("png " + units + how));
        OUT.printf(
            "%-14s %9.1f ms %9.1f ms %12d %9.1f ms %9.1f ms %12d%n",
            units + (how.isEmpty() ? " simplified" : " full (old)"),
            svg.median(),
            svg.p90(),
            sizes.get("svg " + units + how),
            png.median(),
            png.p90(),
            sizes.get("png " + units + how));
      }
    }
    OUT.printf(
        "%n\"full (old)\": every position drawn, as maps were drawn before; \"simplified\": outlines"
            + " simplified to one pixel as one coverage, positions written with one decimal"
            + " (checksum %d)%n",
        sink % 1000);
  }

  private static int utf8(String svg) {
    return svg.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }

  /** {@code units} cells in rows of {@code columns}, each border wobbling through its positions. */
  static ChoroplethMap map(int units, int columns, int points) {
    Random random = new Random(units);
    int rows = (units + columns - 1) / columns;
    List<List<List<double[]>>> horizontal = new ArrayList<>();
    for (int r = 0; r <= rows; r++) {
      List<List<double[]>> row = new ArrayList<>();
      for (int c = 0; c < columns; c++) {
        row.add(border(random, points, x(c), y(r), x(c + 1), y(r)));
      }
      horizontal.add(row);
    }
    List<List<List<double[]>>> vertical = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      List<List<double[]>> row = new ArrayList<>();
      for (int c = 0; c <= columns; c++) {
        row.add(border(random, points, x(c), y(r), x(c), y(r + 1)));
      }
      vertical.add(row);
    }
    List<ChoroplethMap.Area> areas = new ArrayList<>();
    for (int u = 0; u < units; u++) {
      int r = u / columns;
      int col = u % columns;
      List<double[]> outer = new ArrayList<>();
      outer.addAll(horizontal.get(r).get(col).subList(0, points));
      outer.addAll(vertical.get(r).get(col + 1).subList(0, points));
      outer.addAll(reversed(horizontal.get(r + 1).get(col)).subList(0, points));
      outer.addAll(reversed(vertical.get(r).get(col)).subList(0, points));
      outer.add(outer.get(0));
      List<List<double[]>> rings = new ArrayList<>();
      rings.add(outer);
      if (u % 7 == 3) {
        double c = CELL / 4;
        double x0 = x(col);
        double y0 = y(r);
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

  private static final double CELL = 0.02;

  private static double x(int column) {
    return -80.0 + column * CELL;
  }

  private static double y(int row) {
    return 8.5 + row * CELL;
  }

  /**
   * A border from one corner to the next, its inner positions pushed a little sideways, less so
   * near the corners (borders meeting at a corner never cross).
   */
  private static List<double[]> border(
      Random random, int points, double x0, double y0, double x1, double y1) {
    List<double[]> out = new ArrayList<>();
    out.add(new double[] {x0, y0});
    for (int i = 1; i < points; i++) {
      double t = (double) i / points;
      double w = (random.nextDouble() - 0.5) * CELL * 0.04 * Math.sin(Math.PI * t);
      boolean across = y0 == y1;
      out.add(
          new double[] {
            x0 + (x1 - x0) * t + (across ? 0 : w), y0 + (y1 - y0) * t + (across ? w : 0)
          });
    }
    out.add(new double[] {x1, y1});
    return out;
  }

  private static List<double[]> reversed(List<double[]> border) {
    List<double[]> out = new ArrayList<>(border);
    java.util.Collections.reverse(out);
    return out;
  }
}
