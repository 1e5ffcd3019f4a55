package org.atalaya.risk;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.atalaya.territory.BoundaryService;
import org.atalaya.territory.BoundaryShape;
import org.atalaya.territory.Territory;
import org.atalaya.territory.TerritoryLevel;
import org.atalaya.territory.TerritoryService;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.geom.Coordinate;

/**
 * Which corregimiento an exact point falls in, from the stored boundaries of every district's
 * corregimientos (the outlines maps draw, simplified by about 30 m). A point in no outline is
 * outside the district; with no boundary loaded, every point is.
 */
@Singleton
class PlaceLocator {
  private final BoundaryService boundaries;
  private final TerritoryService territories;

  PlaceLocator(BoundaryService boundaries, TerritoryService territories) {
    this.boundaries = boundaries;
    this.territories = territories;
  }

  private record Outline(String code, List<Coordinate[]> rings) {}

  /** A locator over the boundaries stored now, for one import. */
  RiskCsv.Locate current() {
    List<Outline> outlines = new ArrayList<>();
    for (Territory d : territories.all()) {
      if (d.level() != TerritoryLevel.DISTRICT) {
        continue;
      }
      for (BoundaryShape shape : boundaries.childrenOf(d.code())) {
        List<Coordinate[]> rings = new ArrayList<>();
        for (List<double[]> ring : shape.rings()) {
          rings.add(closed(ring));
        }
        outlines.add(new Outline(shape.code(), rings));
      }
    }
    return (lat, lon) -> {
      Coordinate p = new Coordinate(lon, lat);
      for (Outline o : outlines) {
        // Rings are filled even-odd: inside an odd number of them is inside the unit.
        long inside = o.rings().stream().filter(r -> PointLocation.isInRing(p, r)).count();
        if (inside % 2 == 1) {
          return Optional.of(o.code());
        }
      }
      return Optional.empty();
    };
  }

  private static Coordinate[] closed(List<double[]> ring) {
    List<Coordinate> c = new ArrayList<>();
    ring.forEach(xy -> c.add(new Coordinate(xy[0], xy[1])));
    if (!c.isEmpty() && !c.get(0).equals2D(c.get(c.size() - 1))) {
      c.add(new Coordinate(c.get(0)));
    }
    return c.toArray(new Coordinate[0]);
  }
}
