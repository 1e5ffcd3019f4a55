package org.atalaya.risk;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.atalaya.database.NamedStatement;

/** The SQL of {@code unsafe_place}, in the caller's transaction. */
@Singleton
class RiskStore {
  private static final String WINDOW =
      " AND (CAST(:from AS date) IS NULL OR u.reported_on >= :from)"
          + " AND (CAST(:to AS date) IS NULL OR u.reported_on <= :to)";

  private final DataSource dataSource;

  RiskStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  void insert(RiskCsv.Row row, boolean illustrative, String user) throws SQLException {
    String sql =
        """
        INSERT INTO unsafe_place (territory_id, kind, source, reported_on, lat, lon, illustrative,
          created_by)
        VALUES ((SELECT id FROM territory WHERE code = :territory), :kind, :source, :reported_on,
                :lat, :lon, :illustrative, :user)""";
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, sql)) {
      s.setString("territory", row.territory())
          .setString("kind", row.kind().name())
          .setString("source", row.source().name())
          .setDate("reported_on", row.date())
          .setBigDecimal("lat", BigDecimal.valueOf(row.point().lat()))
          .setBigDecimal("lon", BigDecimal.valueOf(row.point().lon()))
          .setBoolean("illustrative", illustrative)
          .setString("user", user)
          .executeUpdate();
    }
  }

  /** The reports between two dates (either open), newest first. */
  List<UnsafePlace> list(@Nullable LocalDate from, @Nullable LocalDate to) throws SQLException {
    String sql =
        """
        SELECT u.id, t.code, t.name, u.kind, u.source, u.reported_on, u.lat, u.lon,
          u.illustrative
        FROM unsafe_place u JOIN territory t ON t.id = u.territory_id
        WHERE true"""
            + WINDOW
            + " ORDER BY u.reported_on DESC, u.id DESC";
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, sql)) {
      return window(s, from, to)
          .list(
              r ->
                  new UnsafePlace(
                      r.getLong("id"),
                      r.getString("code"),
                      r.getString("name"),
                      PlaceKind.valueOf(r.getString("kind")),
                      ReportSource.valueOf(r.getString("source")),
                      r.getDate("reported_on").toLocalDate(),
                      new GridPoint(r.getDouble("lat"), r.getDouble("lon")),
                      r.getBoolean("illustrative")));
    }
  }

  /**
   * How many reports fall in each of a parent's places (zero included), by place code in code
   * order, between two dates.
   */
  Map<String, Long> countsByPlace(long parentId, @Nullable LocalDate from, @Nullable LocalDate to)
      throws SQLException {
    String sql =
        """
        SELECT t.code, count(u.id) AS reports
        FROM territory t LEFT JOIN unsafe_place u ON u.territory_id = t.id"""
            + WINDOW
            + " WHERE t.parent_id = :parent GROUP BY t.code ORDER BY t.code";
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, sql)) {
      window(s, from, to).setLong("parent", parentId);
      Map<String, Long> out = new LinkedHashMap<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.put(r.getString("code"), r.getLong("reports"));
        }
      }
      return out;
    }
  }

  /** How many reports of each kind in a parent's places, every kind included. */
  Map<PlaceKind, Long> countsByKind(long parentId, @Nullable LocalDate from, @Nullable LocalDate to)
      throws SQLException {
    String sql =
        """
        SELECT u.kind, count(*) AS reports
        FROM unsafe_place u JOIN territory t ON t.id = u.territory_id
        WHERE t.parent_id = :parent"""
            + WINDOW
            + " GROUP BY u.kind";
    Map<PlaceKind, Long> out = new LinkedHashMap<>();
    for (PlaceKind k : PlaceKind.values()) {
      out.put(k, 0L);
    }
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, sql)) {
      window(s.setLong("parent", parentId), from, to);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.put(PlaceKind.valueOf(r.getString("kind")), r.getLong("reports"));
        }
      }
      return out;
    }
  }

  /** The date of the first report in a parent's places, or null when there is none. */
  @Nullable
  LocalDate firstReported(long parentId) throws SQLException {
    String sql =
        """
        SELECT min(u.reported_on) AS first
        FROM unsafe_place u JOIN territory t ON t.id = u.territory_id
        WHERE t.parent_id = :parent""";
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, sql)) {
      s.setLong("parent", parentId);
      try (ResultSet r = s.executeQuery()) {
        return r.next() && r.getDate("first") != null ? r.getDate("first").toLocalDate() : null;
      }
    }
  }

  /**
   * How many reports fall in each square cell of {@code cell} degrees (keyed "row:column", the
   * cell's south-west corner at row × cell, column × cell), only cells with a report, between two
   * dates, in a parent's places.
   */
  Map<String, Long> countsByCell(
      long parentId, BigDecimal cell, @Nullable LocalDate from, @Nullable LocalDate to)
      throws SQLException {
    String sql =
        """
        SELECT floor(u.lat / :cell)::bigint AS cell_row, floor(u.lon / :cell)::bigint AS cell_col,
          count(*) AS reports
        FROM unsafe_place u JOIN territory t ON t.id = u.territory_id
        WHERE t.parent_id = :parent"""
            + WINDOW
            + " GROUP BY cell_row, cell_col ORDER BY cell_row DESC, cell_col";
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, sql)) {
      window(s.setLong("parent", parentId), from, to).setBigDecimal("cell", cell);
      Map<String, Long> out = new LinkedHashMap<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.put(r.getLong("cell_row") + ":" + r.getLong("cell_col"), r.getLong("reports"));
        }
      }
      return out;
    }
  }

  boolean any() throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM unsafe_place) AS answer");
        ResultSet r = s.executeQuery()) {
      return r.next() && r.getBoolean("answer");
    }
  }

  /** Whether any stored report is illustrative (demo data), so pages can say so. */
  boolean anyIllustrative() throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            c.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM unsafe_place WHERE illustrative) AS answer");
        ResultSet r = s.executeQuery()) {
      return r.next() && r.getBoolean("answer");
    }
  }

  private static NamedStatement window(
      NamedStatement s, @Nullable LocalDate from, @Nullable LocalDate to) throws SQLException {
    return s.setDate("from", from).setDate("to", to);
  }
}
