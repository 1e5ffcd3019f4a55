package org.atalaya.territory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.atalaya.audit.AuditLog;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.Messages;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * Territories' boundaries: a GeoJSON file's dry run (nothing stored), its import once confirmed
 * (all matched features in one transaction, or nothing), and the outlines that maps draw.
 */
@Singleton
public class BoundaryService {
  /** About 30 m at Panama's latitude: invisible on a page-sized map, a tenth of the points. */
  static final double DISPLAY_TOLERANCE_DEGREES = 0.0003;

  /** The largest file read whole (see {@link GeoJsonReader#MAX_BYTES}). */
  public static final int MAX_BYTES = GeoJsonReader.MAX_BYTES;

  private final TerritoryRepository territories;
  private final BoundaryStore store;
  private final AuditLog audit;

  BoundaryService(TerritoryRepository territories, BoundaryStore store, AuditLog audit) {
    this.territories = territories;
    this.store = store;
    this.audit = audit;
  }

  /** A file refused by its size alone, read no further than the limit. */
  public BoundaryMatch tooBig(String file, long bytes, Locale locale) {
    return BoundaryMatch.refused(
        file,
        Messages.format(
            locale, "boundary.file.tooBig", bytes / (1024 * 1024), MAX_BYTES / (1024 * 1024)));
  }

  /** What importing the file would do; nothing is stored. */
  @Transactional(readOnly = true)
  public BoundaryMatch dryRun(String file, byte[] content, Locale locale) {
    return match(file, content, locale).report();
  }

  /**
   * Stores the matched features' boundaries if the file is importable (something matched, nothing
   * invalid); otherwise stores nothing. Either way the report says what was found.
   */
  @Transactional
  public BoundaryMatch importFile(
      String file,
      byte[] content,
      String source,
      boolean illustrative,
      String user,
      Locale locale) {
    BoundaryMatch.Result result = match(file, content, locale);
    if (!result.report().importable()) {
      return result.report();
    }
    try {
      for (Map.Entry<Long, Geometry> e : result.geometries().entrySet()) {
        store.save(e.getKey(), e.getValue(), source, illustrative, user);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    audit.created(
        "territory_boundary",
        file,
        Map.of("source", source, "territories", result.report().matched().size()));
    return result.report();
  }

  /**
   * A dry run kept for confirmation: the report, and the number of the kept upload when the file is
   * importable (null otherwise: there is nothing to confirm).
   */
  @Serdeable
  public record Checked(BoundaryMatch report, @Nullable Long upload) {}

  /** Checks a file and, when importable, keeps it for its uploader to confirm; stores nothing. */
  @Transactional
  public Checked check(String file, byte[] content, String user, Locale locale) {
    BoundaryMatch report = match(file, content, locale).report();
    try {
      return new Checked(report, report.importable() ? store.stage(file, content, user) : null);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Imports a file kept by {@link #check}: only the one who checked it may confirm it, once. */
  @Transactional
  public BoundaryMatch confirm(
      long upload, String source, boolean illustrative, String user, Locale locale) {
    BoundaryStore.Upload kept;
    try {
      kept =
          store
              .unstage(upload, user)
              .orElseThrow(() -> ApiException.notFound("boundaryUpload", String.valueOf(upload)));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return importFile(kept.file(), kept.content(), source, illustrative, user, locale);
  }

  /**
   * Stores illustrative outlines made from one point per territory ({@code code,name,lat,lon} rows;
   * see {@link IllustrativeBoundaries}); returns how many territories got one.
   */
  @Transactional
  public int storeIllustrative(java.io.Reader pointsCsv, String source, String user)
      throws java.io.IOException {
    int stored = 0;
    try {
      for (var e : IllustrativeBoundaries.fromCsv(pointsCsv).entrySet()) {
        var territory = territories.findByCode(e.getKey());
        if (territory.isPresent()) {
          store.save(territory.get().id(), e.getValue(), source, true, user);
          stored++;
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return stored;
  }

  /** A point inside a territory's stored outline, as [lon, lat]; empty without an outline. */
  @Transactional(readOnly = true)
  public java.util.Optional<double[]> pointInside(String code) {
    Territory t = territories.findByCode(code).orElse(null);
    if (t == null) {
      return java.util.Optional.empty();
    }
    try {
      return store
          .of(t.id())
          .map(b -> b.geometry().getInteriorPoint())
          .map(p -> new double[] {p.getX(), p.getY()});
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The outlines of a territory's children (a district's corregimientos) that have one. */
  @Transactional(readOnly = true)
  public List<BoundaryShape> childrenOf(String parentCode) {
    Territory parent = territories.findByCode(parentCode).orElse(null);
    if (parent == null) {
      return List.of();
    }
    try {
      return store.children(parent.id()).stream()
          .map(
              b ->
                  new BoundaryShape(
                      b.code(), b.name(), rings(b.geometry()), b.source(), b.illustrative()))
          .toList();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private BoundaryMatch.Result match(String file, byte[] content, Locale locale) {
    List<BoundaryFeature> features;
    try {
      features = GeoJsonReader.read(content);
    } catch (GeoJsonReader.Refused e) {
      String message = Messages.format(locale, e.problem.key(), e.problem.args().toArray());
      return new BoundaryMatch.Result(BoundaryMatch.refused(file, message), Map.of());
    }
    List<Territory> all = new ArrayList<>();
    territories.findAll().forEach(all::add);
    return BoundaryMatch.match(file, features, all, locale);
  }

  /** Simplified for display without breaking topology, as rings of [lon, lat]. */
  static List<List<double[]>> rings(Geometry geometry) {
    Geometry simple = TopologyPreservingSimplifier.simplify(geometry, DISPLAY_TOLERANCE_DEGREES);
    List<List<double[]>> rings = new ArrayList<>();
    for (int i = 0; i < simple.getNumGeometries(); i++) {
      if (simple.getGeometryN(i) instanceof Polygon p) {
        rings.add(ring(p.getExteriorRing()));
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
          rings.add(ring(p.getInteriorRingN(h)));
        }
      }
    }
    return rings;
  }

  private static List<double[]> ring(LinearRing ring) {
    List<double[]> out = new ArrayList<>();
    for (Coordinate c : ring.getCoordinates()) {
      out.add(new double[] {c.x, c.y});
    }
    return out;
  }
}
