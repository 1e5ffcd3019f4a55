package org.atalaya.territory;

import java.util.List;

/**
 * A territory's outline for drawing: rings of {@code [longitude, latitude]} positions in WGS84
 * (outer rings, holes and detached pieces alike, to be filled even–odd), already simplified for a
 * page-sized map, with whether the outline is illustrative (then the map must say so).
 */
public record BoundaryShape(
    String code, String name, List<List<double[]>> rings, String source, boolean illustrative) {
  public BoundaryShape {
    rings = rings.stream().map(List::copyOf).toList();
  }
}
