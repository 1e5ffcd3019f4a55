package org.atalaya.territory;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.atalaya.database.NamedStatement;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;

/**
 * The SQL of {@code territory_boundary} and of {@code boundary_upload} (files waiting for
 * confirmation), in the caller's transaction.
 */
@Singleton
class BoundaryStore {
  private final DataSource dataSource;

  BoundaryStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A stored boundary with the territory it outlines. */
  record Stored(
      long territoryId,
      String code,
      String name,
      Long parentId,
      Geometry geometry,
      String source,
      boolean illustrative) {}

  void save(long territoryId, Geometry geometry, String source, boolean illustrative, String user)
      throws SQLException {
    String sql =
        """
        INSERT INTO territory_boundary (territory_id, wkt, source, illustrative, imported_by)
        VALUES (:territory, :wkt, :source, :illustrative, :user)
        ON CONFLICT (territory_id) DO UPDATE SET wkt = excluded.wkt, source = excluded.source,
          illustrative = excluded.illustrative, imported_by = excluded.imported_by,
          imported_at = now()""";
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, sql)) {
      s.setLong("territory", territoryId).setString("wkt", new WKTWriter().write(geometry));
      s.setString("source", source).setBoolean("illustrative", illustrative);
      s.setString("user", user).executeUpdate();
    }
  }

  /** A checked file waiting for confirmation. */
  record Upload(long id, String file, byte[] content) {}

  /** Keeps a checked file for its uploader to confirm; drops uploads nobody confirmed in a day. */
  long stage(String file, byte[] content, String user) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var old =
            NamedStatement.prepare(
                c, "DELETE FROM boundary_upload WHERE uploaded_at < now() - interval '1 day'");
        var s =
            NamedStatement.prepare(
                c,
                """
                INSERT INTO boundary_upload (file_name, content, uploaded_by)
                VALUES (:file, :content, :user) RETURNING id
                """)) {
      old.executeUpdate();
      s.setString("file", file).setBytes("content", content).setString("user", user);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong("id");
      }
    }
  }

  /** The upload, taken away: only its uploader may confirm it, and only once. */
  java.util.Optional<Upload> unstage(long id, String user) throws SQLException {
    String sql =
        """
        DELETE FROM boundary_upload WHERE id = :id AND uploaded_by = :user
        RETURNING id, file_name, content
        """;
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, sql)) {
      s.setLong("id", id).setString("user", user);
      try (ResultSet r = s.executeQuery()) {
        return r.next()
            ? java.util.Optional.of(
                new Upload(r.getLong("id"), r.getString("file_name"), r.getBytes("content")))
            : java.util.Optional.empty();
      }
    }
  }

  /** The boundaries of a territory's children (the corregimientos of a district), by code. */
  List<Stored> children(long parentId) throws SQLException {
    return list("WHERE t.parent_id = :id ORDER BY t.code", parentId);
  }

  /** One territory's stored boundary. */
  java.util.Optional<Stored> of(long territoryId) throws SQLException {
    return list("WHERE t.id = :id", territoryId).stream().findFirst();
  }

  private List<Stored> list(String where, long id) throws SQLException {
    String sql =
        "SELECT t.id, t.code, t.name, t.parent_id, b.wkt, b.source, b.illustrative"
            + " FROM territory_boundary b JOIN territory t ON t.id = b.territory_id "
            + where;
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, sql)) {
      s.setLong("id", id);
      List<Stored> out = new ArrayList<>();
      WKTReader reader = new WKTReader(GeoJsonReader.FACTORY);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(
              new Stored(
                  r.getLong("id"),
                  r.getString("code"),
                  r.getString("name"),
                  r.getObject("parent_id", Long.class),
                  reader.read(r.getString("wkt")),
                  r.getString("source"),
                  r.getBoolean("illustrative")));
        }
      } catch (ParseException e) {
        throw new SQLException("a stored boundary is not WKT", e);
      }
      return out;
    }
  }
}
