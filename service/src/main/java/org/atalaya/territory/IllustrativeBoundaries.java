package org.atalaya.territory;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Outlines made up from one representative point per corregimiento, for a demo that must not
 * redistribute real boundaries: JTS's Voronoi cells of the points, clipped to the points' convex
 * hull widened by a margin. They are stored as illustrative, and every map drawn from them says so.
 */
final class IllustrativeBoundaries {
  /** About 5 km: the outer corregimientos reach past their own point, not out to sea for ever. */
  static final double MARGIN_DEGREES = 0.05;

  private IllustrativeBoundaries() {}

  /** Reads {@code code,name,lat,lon,…} rows and returns each code's cell. */
  static Map<String, Geometry> fromCsv(Reader csv) throws IOException {
    Map<Coordinate, String> sites = new HashMap<>();
    for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().get().parse(csv)) {
      sites.put(
          new Coordinate(Double.parseDouble(r.get("lon")), Double.parseDouble(r.get("lat"))),
          r.get("code"));
    }
    return cells(sites);
  }

  static Map<String, Geometry> cells(Map<Coordinate, String> sites) {
    MultiPoint points =
        GeoJsonReader.FACTORY.createMultiPointFromCoords(sites.keySet().toArray(new Coordinate[0]));
    Geometry area = points.convexHull().buffer(MARGIN_DEGREES);
    VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
    builder.setSites(points);
    builder.setClipEnvelope(area.getEnvelopeInternal());
    Geometry diagram = builder.getDiagram(GeoJsonReader.FACTORY);
    Map<String, Geometry> out = new HashMap<>();
    List<Geometry> cells = new ArrayList<>();
    for (int i = 0; i < diagram.getNumGeometries(); i++) {
      cells.add(diagram.getGeometryN(i));
    }
    for (Geometry cell : cells) {
      // The builder leaves each cell's site as its user data.
      String code = sites.get((Coordinate) cell.getUserData());
      if (code != null) {
        Geometry clipped = cell.intersection(area);
        clipped.setSRID(4326);
        out.put(code, clipped);
      }
    }
    return out;
  }
}
