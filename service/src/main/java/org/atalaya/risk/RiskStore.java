package org.atalaya.risk;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** The SQL of {@code unsafe_place}, in the caller's transaction. */
@Singleton
class RiskStore {
  private static final String WINDOW =
      " AND (CAST(? AS date) IS NULL OR u.reported_on >= ?)"
          + " AND (CAST(? AS date) IS NULL OR u.reported_on <= ?)";

  private final DataSource dataSource;

  RiskStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  void insert(RiskCsv.Row row, boolean illustrative, String user) throws SQLException {
    String sql =
        """
        INSERT INTO unsafe_place (territory_id, kind, source, reported_on, lat, lon, illustrative,
          created_by)
        VALUES ((SELECT id FROM territory WHERE code = ?), ?, ?, ?, ?, ?, ?, ?)""";
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement(sql)) {
      s.setString(1, row.territory());
      s.setString(2, row.kind().name());
      s.setString(3, row.source().name());
      s.setDate(4, Date.valueOf(row.date()));
      s.setBigDecimal(5, BigDecimal.valueOf(row.point().lat()));
      s.setBigDecimal(6, BigDecimal.valueOf(row.point().lon()));
      s.setBoolean(7, illustrative);
      s.setString(8, user);
      s.executeUpdate();
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
        var s = c.prepareStatement(sql)) {
      window(s, from, to);
      List<UnsafePlace> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(
              new UnsafePlace(
                  r.getLong(1),
                  r.getString(2),
                  r.getString(3),
                  PlaceKind.valueOf(r.getString(4)),
                  ReportSource.valueOf(r.getString(5)),
                  r.getDate(6).toLocalDate(),
                  new GridPoint(r.getDouble(7), r.getDouble(8)),
                  r.getBoolean(9)));
        }
      }
      return out;
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
        SELECT t.code, count(u.id)
        FROM territory t LEFT JOIN unsafe_place u ON u.territory_id = t.id"""
            + WINDOW
            + " WHERE t.parent_id = ? GROUP BY t.code ORDER BY t.code";
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement(sql)) {
      window(s, from, to);
      s.setLong(5, parentId);
      Map<String, Long> out = new LinkedHashMap<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.put(r.getString(1), r.getLong(2));
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
        SELECT u.kind, count(*)
        FROM unsafe_place u JOIN territory t ON t.id = u.territory_id
        WHERE t.parent_id = ?"""
            + WINDOW
            + " GROUP BY u.kind";
    Map<PlaceKind, Long> out = new LinkedHashMap<>();
    for (PlaceKind k : PlaceKind.values()) {
      out.put(k, 0L);
    }
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement(sql)) {
      s.setLong(1, parentId);
      window(s, 1, from, to);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.put(PlaceKind.valueOf(r.getString(1)), r.getLong(2));
        }
      }
      return out;
    }
  }

  boolean any() throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM unsafe_place)");
        ResultSet r = s.executeQuery()) {
      return r.next() && r.getBoolean(1);
    }
  }

  /** Whether any stored report is illustrative (demo data), so pages can say so. */
  boolean anyIllustrative() throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            c.prepareStatement("SELECT EXISTS (SELECT 1 FROM unsafe_place WHERE illustrative)");
        ResultSet r = s.executeQuery()) {
      return r.next() && r.getBoolean(1);
    }
  }

  private static void window(
      java.sql.PreparedStatement s, @Nullable LocalDate from, @Nullable LocalDate to)
      throws SQLException {
    window(s, 0, from, to);
  }

  private static void window(
      java.sql.PreparedStatement s, int offset, @Nullable LocalDate from, @Nullable LocalDate to)
      throws SQLException {
    Date f = from == null ? null : Date.valueOf(from);
    Date t = to == null ? null : Date.valueOf(to);
    s.setDate(offset + 1, f);
    s.setDate(offset + 2, f);
    s.setDate(offset + 3, t);
    s.setDate(offset + 4, t);
  }
}
