package org.atalaya.chart;

import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.coverage.CoverageSimplifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * The territories' outlines made fit for a screen, in pixel space, with JTS (never hand-written
 * geometry): the whole map simplified as one coverage ({@link CoverageSimplifier}, Visvalingam's
 * effective area) to a tolerance of one pixel, so a border two territories share is simplified once
 * and stays shared (no slivers, no gaps), and every position kept then snapped to a tenth of a
 * pixel (what the SVG writes), a position that snaps onto the one before dropped. A map whose
 * outlines are not a clean coverage (pieces overlap) is simplified territory by territory with
 * {@link TopologyPreservingSimplifier} instead.
 *
 * <p>Tiny pieces: a piece of a territory (an islet) or a hole smaller than {@link #SPECK} square
 * pixels is left out, as a screen could not show it; a territory's largest piece is always kept,
 * however small, so no territory vanishes from the map.
 */
final class MapOutlines {
  /** Positions are written with one decimal: a tenth of a pixel. */
  static final double GRID = 0.1;

  /** Simplification tolerance, in pixels. */
  static final double TOLERANCE = 1.0;

  /** Pieces and holes under this area (square pixels) are left out. */
  static final double SPECK = 4.0;

  private static final GeometryFactory GEOMETRY = new GeometryFactory();

  private MapOutlines() {}

  /**
   * The outlines to draw, one path per territory in the given order.
   *
   * @param territories each territory's rings in pixel space (even–odd: holes and islets as rings)
   */
  static List<Path2D> simplified(List<List<List<double[]>>> territories) {
    Geometry[] coverage = new Geometry[territories.size()];
    for (int i = 0; i < coverage.length; i++) {
      coverage[i] = polygons(territories.get(i));
    }
    Geometry[] simple = simplify(coverage);
    List<Path2D> paths = new ArrayList<>();
    for (int i = 0; i < simple.length; i++) {
      Geometry g = simple[i] == null || simple[i].isEmpty() ? coverage[i] : simple[i];
      paths.add(path(g));
    }
    return paths;
  }

  /** Every position as given, unsimplified: what maps drew before (for comparison). */
  static List<Path2D> full(List<List<List<double[]>>> territories) {
    List<Path2D> paths = new ArrayList<>();
    for (List<List<double[]>> rings : territories) {
      Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
      for (List<double[]> ring : rings) {
        boolean first = true;
        for (double[] p : ring) {
          if (first) {
            path.moveTo(p[0], p[1]);
            first = false;
          } else {
            path.lineTo(p[0], p[1]);
          }
        }
        path.closePath();
      }
      paths.add(path);
    }
    return paths;
  }

  private static Geometry[] simplify(Geometry[] coverage) {
    try {
      return CoverageSimplifier.simplify(coverage, TOLERANCE);
    } catch (RuntimeException notACoverage) {
      Geometry[] each = new Geometry[coverage.length];
      for (int i = 0; i < coverage.length; i++) {
        each[i] = TopologyPreservingSimplifier.simplify(coverage[i], TOLERANCE);
      }
      return each;
    }
  }

  /**
   * A territory's even–odd rings as JTS polygons: a ring inside an even number of the others is a
   * piece, inside an odd number a hole of the smallest piece around it.
   */
  static Geometry polygons(List<List<double[]>> rings) {
    List<LinearRing> all = new ArrayList<>();
    for (List<double[]> ring : rings) {
      LinearRing r = snapped(ring);
      if (r != null) {
        all.add(r);
      }
    }
    List<Polygon> plain = all.stream().map(r -> GEOMETRY.createPolygon(r)).toList();
    int n = all.size();
    int[] depth = new int[n];
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = -1;
      for (int j = 0; j < n; j++) {
        if (i != j
            && plain.get(j).getArea() > plain.get(i).getArea()
            && plain.get(j).covers(plain.get(i))) {
          depth[i]++;
          if (parent[i] < 0 || plain.get(j).getArea() < plain.get(parent[i]).getArea()) {
            parent[i] = j;
          }
        }
      }
    }
    int largest = -1;
    for (int i = 0; i < n; i++) {
      if (depth[i] % 2 == 0
          && (largest < 0 || plain.get(i).getArea() > plain.get(largest).getArea())) {
        largest = i;
      }
    }
    List<Polygon> pieces = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (depth[i] % 2 != 0 || (i != largest && plain.get(i).getArea() < SPECK)) {
        continue;
      }
      List<LinearRing> holes = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        if (parent[j] == i && depth[j] % 2 != 0 && plain.get(j).getArea() >= SPECK) {
          holes.add(all.get(j));
        }
      }
      pieces.add(GEOMETRY.createPolygon(all.get(i), holes.toArray(LinearRing[]::new)));
    }
    pieces.sort(Comparator.comparingDouble(Polygon::getArea).reversed());
    return pieces.size() == 1
        ? pieces.get(0)
        : GEOMETRY.createMultiPolygon(pieces.toArray(Polygon[]::new));
  }

  /** A ring without repeated positions, or null if it collapsed. */
  private static LinearRing snapped(List<double[]> ring) {
    List<Coordinate> out = new ArrayList<>();
    for (double[] p : ring) {
      Coordinate c = new Coordinate(p[0], p[1]);
      if (out.isEmpty() || !out.get(out.size() - 1).equals2D(c)) {
        out.add(c);
      }
    }
    if (!out.get(0).equals2D(out.get(out.size() - 1))) {
      out.add(new Coordinate(out.get(0)));
    }
    return out.size() < 4 ? null : GEOMETRY.createLinearRing(out.toArray(Coordinate[]::new));
  }

  static double snap(double v) {
    return Math.round(v / GRID) * GRID;
  }

  private static Path2D path(Geometry g) {
    Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Polygon p = (Polygon) g.getGeometryN(i);
      if (p.isEmpty()) {
        continue;
      }
      ring(path, p.getExteriorRing().getCoordinates());
      for (int h = 0; h < p.getNumInteriorRing(); h++) {
        ring(path, p.getInteriorRingN(h).getCoordinates());
      }
    }
    return path;
  }

  /**
   * A ring's positions on the tenth-of-a-pixel grid, one that snaps onto the one before left out.
   */
  private static void ring(Path2D path, Coordinate[] cs) {
    double x = snap(cs[0].x);
    double y = snap(cs[0].y);
    path.moveTo(x, y);
    for (int i = 1; i < cs.length - 1; i++) {
      double nx = snap(cs[i].x);
      double ny = snap(cs[i].y);
      if (nx != x || ny != y) {
        path.lineTo(nx, ny);
        x = nx;
        y = ny;
      }
    }
    path.closePath();
  }

  /** How the SVG writes a position: at most one decimal, no trailing ".0". */
  static String oneDecimal(double v) {
    long tenths = Math.round(v * 10);
    if (tenths % 10 == 0) {
      return Long.toString(tenths / 10);
    }
    return (tenths < 0 ? "-" : "") + Math.abs(tenths) / 10 + "." + Math.abs(tenths) % 10;
  }
}
