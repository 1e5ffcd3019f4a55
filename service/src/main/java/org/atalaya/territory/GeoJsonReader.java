package org.atalaya.territory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.atalaya.territory.BoundaryFeature.Problem;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Reads an RFC 7946 GeoJSON FeatureCollection of polygons (Polygon and MultiPolygon: detached
 * pieces, islets and holes) into JTS geometries, one {@link BoundaryFeature} per feature, each
 * either valid or named with what is wrong: another projection, coordinates outside WGS84's ranges,
 * an unclosed or self-intersecting ring, an empty geometry, a type that is not an area. A file that
 * is not a FeatureCollection at all, or too big, is refused as a whole.
 */
final class GeoJsonReader {
  /**
   * A corregimiento file of the whole country is a few MB; 20 MB leaves room and stops a 50 MB one.
   */
  static final int MAX_BYTES = 20 * 1024 * 1024;

  static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> NAME_KEYS =
      List.of("name", "nombre", "NAME", "NOMBRE", "ADM3_ES", "ADM2_ES", "shapeName");

  private GeoJsonReader() {}

  /** The whole file is unusable: the message key of the boundaries bundle and its arguments. */
  static final class Refused extends Exception {
    final Problem problem;

    Refused(Problem problem) {
      super(problem.key());
      this.problem = problem;
    }
  }

  static List<BoundaryFeature> read(byte[] file) throws Refused {
    if (file.length > MAX_BYTES) {
      throw new Refused(Problem.of("boundary.file.tooBig", file.length / (1024 * 1024), 20));
    }
    JsonNode root;
    try {
      root = JSON.readTree(file);
    } catch (IOException e) {
      throw new Refused(Problem.of("boundary.file.notJson"));
    }
    if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
      throw new Refused(Problem.of("boundary.file.notCollection"));
    }
    // RFC 7946 dropped "crs": WGS84 only. An old-style member naming another system is a
    // projection.
    String crs = root.path("crs").path("properties").path("name").asText("");
    if (!crs.isEmpty()
        && !crs.contains("4326")
        && !crs.toUpperCase(Locale.ROOT).contains("CRS84")) {
      throw new Refused(Problem.of("boundary.file.projection", crs));
    }
    List<BoundaryFeature> features = new ArrayList<>();
    int number = 0;
    for (JsonNode feature : root.path("features")) {
      number++;
      features.add(feature(number, feature));
    }
    if (features.isEmpty()) {
      throw new Refused(Problem.of("boundary.file.noFeatures"));
    }
    return features;
  }

  private static BoundaryFeature feature(int number, JsonNode feature) {
    Map<String, String> properties = new LinkedHashMap<>();
    feature
        .path("properties")
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                properties.put(e.getKey(), e.getValue().asText());
              }
            });
    String label =
        NAME_KEYS.stream()
            .filter(properties::containsKey)
            .map(properties::get)
            .findFirst()
            .orElse("#" + number);
    try {
      Geometry geometry = geometry(feature.path("geometry"));
      return new BoundaryFeature(number, label, properties, geometry, null);
    } catch (Invalid e) {
      return new BoundaryFeature(number, label, properties, null, e.problem);
    }
  }

  private static final class Invalid extends Exception {
    final Problem problem;

    Invalid(Problem problem) {
      super(problem.key(), null, false, false);
      this.problem = problem;
    }
  }

  private static Geometry geometry(JsonNode node) throws Invalid {
    if (node.isMissingNode() || node.isNull()) {
      throw new Invalid(Problem.of("boundary.problem.empty"));
    }
    String type = node.path("type").asText();
    JsonNode coordinates = node.path("coordinates");
    Geometry geometry =
        switch (type) {
          case "Polygon" -> polygon(coordinates);
          case "MultiPolygon" -> {
            List<Polygon> parts = new ArrayList<>();
            for (JsonNode part : coordinates) {
              parts.add(polygon(part));
            }
            yield FACTORY.createMultiPolygon(parts.toArray(new Polygon[0]));
          }
          default -> throw new Invalid(Problem.of("boundary.problem.type", type));
        };
    if (geometry.isEmpty()) {
      throw new Invalid(Problem.of("boundary.problem.empty"));
    }
    TopologyValidationError error = new IsValidOp(geometry).getValidationError();
    if (error != null) {
      Coordinate at = error.getCoordinate();
      String where = at == null ? "" : at.y + ", " + at.x;
      String key =
          switch (error.getErrorType()) {
            case TopologyValidationError.SELF_INTERSECTION,
                TopologyValidationError.RING_SELF_INTERSECTION ->
                "boundary.problem.selfIntersection";
            case TopologyValidationError.HOLE_OUTSIDE_SHELL -> "boundary.problem.holeOutside";
            default -> "boundary.problem.invalid";
          };
      throw new Invalid(Problem.of(key, where));
    }
    return geometry;
  }

  private static Polygon polygon(JsonNode rings) throws Invalid {
    if (!rings.isArray() || rings.isEmpty()) {
      return FACTORY.createPolygon();
    }
    LinearRing shell = ring(rings.get(0));
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) {
      holes[i - 1] = ring(rings.get(i));
    }
    return FACTORY.createPolygon(shell, holes);
  }

  private static LinearRing ring(JsonNode positions) throws Invalid {
    List<Coordinate> coordinates = new ArrayList<>();
    for (JsonNode position : positions) {
      if (position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
        throw new Invalid(Problem.of("boundary.problem.position", position.toString()));
      }
      double lon = position.get(0).asDouble();
      double lat = position.get(1).asDouble();
      if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
        throw new Invalid(Problem.of("boundary.problem.outsideWgs84", lon, lat));
      }
      coordinates.add(new Coordinate(lon, lat));
    }
    if (coordinates.size() < 4
        || !coordinates.get(0).equals2D(coordinates.get(coordinates.size() - 1))) {
      throw new Invalid(Problem.of("boundary.problem.ring", coordinates.size()));
    }
    return FACTORY.createLinearRing(coordinates.toArray(new Coordinate[0]));
  }
}
