package org.atalaya.risk;

import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A point generalised to a grid of {@link #CELL} degrees (about 110 m at Panama's latitude): what
 * is stored and shown of a reported place, never the exact point, so that no report leads to a
 * door.
 */
@Serdeable
public record GridPoint(double lat, double lon) {
  /** The grid's step in degrees: 0.001° of latitude is 111 m; of longitude at 9° N, 110 m. */
  public static final double CELL = 0.001;

  /** The approximate size of a grid cell in metres, as pages state it. */
  public static final int CELL_METRES = 110;

  public GridPoint {
    if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
      throw new IllegalArgumentException("not a WGS84 point: " + lat + ", " + lon);
    }
  }

  /** The grid point nearest to an exact position. */
  static GridPoint of(double lat, double lon) {
    return new GridPoint(snap(lat), snap(lon));
  }

  private static double snap(double degrees) {
    return BigDecimal.valueOf(degrees).setScale(3, RoundingMode.HALF_UP).doubleValue();
  }
}
