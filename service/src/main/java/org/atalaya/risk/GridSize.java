package org.atalaya.risk;

import java.math.BigDecimal;
import java.util.List;
import org.atalaya.territory.BoundaryShape;

/**
 * The public grid's cell for a district: the smallest of 500 m, 1, 2, 5 and 10 km that puts at most
 * {@link #ACROSS} cells across the district's widest side (measured on its corregimientos'
 * outlines), so the map reads as a grid and not as dots; 500 m when the district has no outlines.
 * The size depends on the district's extent only, never on where the reports are.
 *
 * @param metres the side as pages state it ("unos 2000 m")
 * @param degrees the side in degrees of latitude and longitude (0.0045° per 500 m, exact)
 */
public record GridSize(int metres, BigDecimal degrees) {
  static final int[] STEPS = {500, 1000, 2000, 5000, 10000};
  static final int ACROSS = 24;
  private static final BigDecimal DEGREES_PER_500_M = new BigDecimal("0.0045");
  private static final double METRES_PER_DEGREE = 111_320;

  static GridSize of(List<BoundaryShape> shapes) {
    double south = Double.MAX_VALUE;
    double north = -Double.MAX_VALUE;
    double west = Double.MAX_VALUE;
    double east = -Double.MAX_VALUE;
    for (BoundaryShape s : shapes) {
      for (List<double[]> ring : s.rings()) {
        for (double[] p : ring) {
          west = Math.min(west, p[0]);
          east = Math.max(east, p[0]);
          south = Math.min(south, p[1]);
          north = Math.max(north, p[1]);
        }
      }
    }
    if (south > north) {
      return of(STEPS[0]);
    }
    double latitude = Math.toRadians((south + north) / 2);
    double wide = (east - west) * METRES_PER_DEGREE * Math.cos(latitude);
    double high = (north - south) * METRES_PER_DEGREE;
    double widest = Math.max(wide, high);
    for (int step : STEPS) {
      if (widest / step <= ACROSS) {
        return of(step);
      }
    }
    return of(STEPS[STEPS.length - 1]);
  }

  /** A side as people read it: "500 m", "2 km" (a no-break space: a title never ends in "km"). */
  public static String words(int metres) {
    return metres < 1000 || metres % 1000 != 0 ? metres + "\u00a0m" : metres / 1000 + "\u00a0km";
  }

  static GridSize of(int metres) {
    return new GridSize(
        metres,
        DEGREES_PER_500_M.multiply(BigDecimal.valueOf(metres)).divide(BigDecimal.valueOf(500)));
  }
}
