package org.atalaya.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.atalaya.chart.ChoroplethMap.Area;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * A map of many territories stays small enough to load on a phone: outlines simplified to the
 * pixel, positions written with one decimal, borders that two territories share still shared (no
 * slivers, no gaps), and a stated rule for islets too small to see.
 */
class MapOutlinesTest {
  private static final GeometryFactory JTS = new GeometryFactory();

  /**
   * {@code units} cells in rows of {@code columns}, a real coverage: each border between two cells
   * wobbles through {@code points} positions, and both cells use the very same positions.
   */
  static List<Area> wobblyGrid(int units, int columns, int points) {
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
    List<Area> areas = new ArrayList<>();
    for (int u = 0; u < units; u++) {
      int r = u / columns;
      int c = u % columns;
      List<double[]> ring = new ArrayList<>();
      ring.addAll(horizontal.get(r).get(c).subList(0, points)); // bottom, left to right
      ring.addAll(vertical.get(r).get(c + 1).subList(0, points)); // right, upwards
      ring.addAll(reversed(horizontal.get(r + 1).get(c)).subList(0, points)); // top, leftwards
      ring.addAll(reversed(vertical.get(r).get(c)).subList(0, points)); // left, downwards
      ring.add(ring.get(0));
      areas.add(Area.of("U" + u, "Unidad " + u, List.of(ring), random.nextDouble() * 80));
    }
    return areas;
  }

  private static double x(int column) {
    return -80.0 + column * 0.02;
  }

  private static double y(int row) {
    return 8.5 + row * 0.02;
  }

  /**
   * A border from one corner to the next, its inner positions pushed a little sideways, less so
   * near the corners (so borders meeting at a corner never cross: the outlines are valid).
   */
  private static List<double[]> border(
      Random random, int points, double x0, double y0, double x1, double y1) {
    List<double[]> out = new ArrayList<>();
    out.add(new double[] {x0, y0});
    for (int i = 1; i < points; i++) {
      double t = (double) i / points;
      double w = (random.nextDouble() - 0.5) * 0.02 * 0.04 * Math.sin(Math.PI * t);
      out.add(
          new double[] {
            x0 + (x1 - x0) * t + (y0 == y1 ? 0 : w), y0 + (y1 - y0) * t + (y0 == y1 ? w : 0)
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

  static ChoroplethMap map(List<Area> areas) {
    return new ChoroplethMap(
        new ChartMeta(
            "Tasa por corregimiento",
            "por 100 000 hab.",
            "Sintético",
            LocalDate.of(2026, 12, 6),
            NumberStyle.ONE_DECIMAL),
        areas,
        5,
        true,
        null,
        null);
  }

  @Test
  void aMapOf700WobblyTerritoriesIsWellUnderAMegabyteAndWritesOneDecimal() {
    ChoroplethMap map = map(wobblyGrid(700, 35, 20));

    String small = BundleCharts.svg(map, 880, 440, ChoroplethMapTest.SPANISH);

    // Unsimplified, 240 positions a ring took 13 MB (bench/run.sh maps prints both sizes).
    int bytes = small.getBytes(StandardCharsets.UTF_8).length;
    assertThat(bytes).isLessThan(1_000_000);
    assertThat(small).contains("id='area-U0'").contains("id='area-U699'");
    Matcher d = Pattern.compile(" d='([^']*)'").matcher(small);
    int paths = 0;
    while (d.find()) {
      paths++;
      assertThat(d.group(1)).doesNotContainPattern("\\d\\.\\d\\d");
    }
    assertThat(paths).isGreaterThanOrEqualTo(700);
  }

  @Test
  void aBorderTwoTerritoriesShareStaysSharedAfterSimplification() {
    List<Area> two = wobblyGrid(2, 2, 200);
    // In pixels: 1 degree = 1 000 px, so each cell is 20 px wide, its border wobbles ±0.4 px.
    List<List<List<double[]>>> pixels =
        two.stream()
            .map(
                a ->
                    a.rings().stream()
                        .map(
                            ring ->
                                ring.stream()
                                    .map(
                                        p ->
                                            new double[] {
                                              (p[0] + 80) * 1_000, (8.6 - p[1]) * 1_000
                                            })
                                    .toList())
                        .toList())
            .toList();

    List<Path2D> outlines = MapOutlines.simplified(pixels);

    Geometry left = polygon(outlines.get(0));
    Geometry right = polygon(outlines.get(1));
    assertThat(positions(outlines.get(0)) + positions(outlines.get(1)))
        .as("simplified: far fewer positions than the 2 × 801 given")
        .isLessThan(100);
    assertThat(left.intersection(right).getArea()).as("no overlap").isLessThan(1e-6);
    Geometry union = left.union(right);
    assertThat(union).isInstanceOf(Polygon.class);
    assertThat(((Polygon) union).getNumInteriorRing()).as("no gap between them").isZero();
    assertThat(union.getArea()).isCloseTo(left.getArea() + right.getArea(), offsetOf(1e-6));
  }

  @Test
  void anIsletUnderFourSquarePixelsIsLeftOutButATerritoryNeverVanishes() {
    List<double[]> land = square(0, 0, 100);
    List<double[]> islet = square(150, 150, 1.5); // 2.25 px²
    List<double[]> speck = square(300, 300, 1.2); // a whole territory of 1.44 px²

    List<Path2D> outlines = MapOutlines.simplified(List.of(List.of(land, islet), List.of(speck)));

    assertThat(pieces(outlines.get(0))).isEqualTo(1);
    assertThat(outlines.get(0).getBounds2D().getMaxX()).isLessThanOrEqualTo(100);
    assertThat(pieces(outlines.get(1))).as("kept: its only piece").isEqualTo(1);

    List<double[]> bigIslet = square(150, 150, 3); // 9 px²: kept
    assertThat(pieces(MapOutlines.simplified(List.of(List.of(land, bigIslet))).get(0)))
        .isEqualTo(2);
  }

  private static org.assertj.core.data.Offset<Double> offsetOf(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }

  private static List<double[]> square(double x, double y, double size) {
    return List.of(
        new double[] {x, y},
        new double[] {x + size, y},
        new double[] {x + size, y + size},
        new double[] {x, y + size},
        new double[] {x, y});
  }

  private static int pieces(Path2D path) {
    int moves = 0;
    double[] c = new double[6];
    for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
      if (it.currentSegment(c) == PathIterator.SEG_MOVETO) {
        moves++;
      }
    }
    return moves;
  }

  private static int positions(Path2D path) {
    int n = 0;
    for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
      n++;
    }
    return n;
  }

  /** A one-ring path back into a JTS polygon. */
  private static Geometry polygon(Path2D path) {
    List<Coordinate> cs = new ArrayList<>();
    double[] c = new double[6];
    for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
      int type = it.currentSegment(c);
      if (type == PathIterator.SEG_MOVETO || type == PathIterator.SEG_LINETO) {
        cs.add(new Coordinate(c[0], c[1]));
      }
    }
    cs.add(cs.get(0));
    return JTS.createPolygon(cs.toArray(Coordinate[]::new));
  }
}
