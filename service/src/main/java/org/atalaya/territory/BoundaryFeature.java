package org.atalaya.territory;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature of a GeoJSON file as read: its position, a name to call it by in a report, its
 * properties, and either a valid polygonal geometry or what is wrong with it.
 *
 * @param number the feature's position in the file, from 1
 * @param geometry a valid Polygon or MultiPolygon in WGS84, or null when {@code problem} says why
 */
record BoundaryFeature(
    int number,
    String label,
    Map<String, String> properties,
    @Nullable Geometry geometry,
    @Nullable Problem problem) {
  BoundaryFeature {
    Objects.requireNonNull(label, "label");
    properties = Map.copyOf(properties);
    if ((geometry == null) == (problem == null)) {
      throw new IllegalArgumentException("a feature has either a geometry or a problem");
    }
  }

  /** What makes a feature unusable, as a message key of the boundaries bundle and its arguments. */
  record Problem(String key, List<Object> args) {
    Problem {
      args = List.copyOf(args);
    }

    static Problem of(String key, Object... args) {
      return new Problem(key, List.of(args));
    }
  }
}
