package org.atalaya.report;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Report versions and the frozen files of published ones (migration V035). */
@Singleton
class ReportStore {
  private static final String COLUMNS =
      "id, plan_code, period, version, status, reason, as_of, created_by, created_at,"
          + " published_by, published_at, content_hash";

  private final DataSource dataSource;

  ReportStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  enum Status {
    DRAFT,
    PUBLISHED
  }

  record Release(
      long id,
      String plan,
      String period,
      int version,
      Status status,
      String reason,
      LocalDate asOf,
      String createdBy,
      Instant createdAt,
      String publishedBy,
      Instant publishedAt,
      String contentHash) {}

  record FileInfo(String name, String mediaType, String sha256, long size) {}

  record Stored(String mediaType, String sha256, byte[] content) {}

  Optional<Release> find(String plan, String period, int version) throws SQLException {
    List<Release> found =
        query(
            "SELECT " + COLUMNS + " FROM report WHERE plan_code = ? AND period = ? AND version = ?",
            plan,
            period,
            version);
    return found.stream().findFirst();
  }

  List<Release> versions(String plan, String period) throws SQLException {
    return query(
        "SELECT " + COLUMNS + " FROM report WHERE plan_code = ? AND period = ? ORDER BY version",
        plan,
        period);
  }

  List<Release> list(boolean publishedOnly) throws SQLException {
    return query(
        "SELECT "
            + COLUMNS
            + " FROM report WHERE (? = false OR status = 'PUBLISHED')"
            + " ORDER BY plan_code, period DESC, version DESC",
        publishedOnly);
  }

  Release insert(String plan, ReportPeriod period, int version, String reason, String user)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            c.prepareStatement(
                "INSERT INTO report (plan_code, period, version, status, reason, as_of, created_by)"
                    + " VALUES (?, ?, ?, 'DRAFT', ?, ?, ?)")) {
      s.setString(1, plan);
      s.setString(2, period.code());
      s.setInt(3, version);
      s.setString(4, reason);
      s.setObject(5, period.asOf());
      s.setString(6, user);
      s.executeUpdate();
    }
    return find(plan, period.code(), version).orElseThrow();
  }

  /**
   * Freezes a draft with its files. False when it was no longer a draft (published meanwhile): the
   * caller's transaction then rolls back, and nothing is stored twice.
   */
  boolean publish(
      long id, String user, String hash, List<ReportFiles.File> files, List<String> hashes)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      try (var s =
          c.prepareStatement(
              "UPDATE report SET status = 'PUBLISHED', published_by = ?, published_at = now(),"
                  + " content_hash = ? WHERE id = ? AND status = 'DRAFT'")) {
        s.setString(1, user);
        s.setString(2, hash);
        s.setLong(3, id);
        if (s.executeUpdate() != 1) {
          return false;
        }
      }
      try (var s =
          c.prepareStatement(
              "INSERT INTO report_file (report_id, name, media_type, sha256, content)"
                  + " VALUES (?, ?, ?, ?, ?)")) {
        for (int i = 0; i < files.size(); i++) {
          ReportFiles.File f = files.get(i);
          s.setLong(1, id);
          s.setString(2, f.name());
          s.setString(3, f.mediaType());
          s.setString(4, hashes.get(i));
          s.setBytes(5, f.content());
          s.addBatch();
        }
        s.executeBatch();
      }
      return true;
    }
  }

  List<FileInfo> files(long id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            c.prepareStatement(
                "SELECT name, media_type, sha256, octet_length(content) FROM report_file"
                    + " WHERE report_id = ? ORDER BY name")) {
      s.setLong(1, id);
      List<FileInfo> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(new FileInfo(r.getString(1), r.getString(2), r.getString(3), r.getLong(4)));
        }
      }
      return out;
    }
  }

  Optional<Stored> file(long id, String name) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            c.prepareStatement(
                "SELECT media_type, sha256, content FROM report_file"
                    + " WHERE report_id = ? AND name = ?")) {
      s.setLong(1, id);
      s.setString(2, name);
      try (ResultSet r = s.executeQuery()) {
        return r.next()
            ? Optional.of(new Stored(r.getString(1), r.getString(2), r.getBytes(3)))
            : Optional.empty();
      }
    }
  }

  private List<Release> query(String sql, Object... args) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      List<Release> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(
              new Release(
                  r.getLong(1),
                  r.getString(2),
                  r.getString(3),
                  r.getInt(4),
                  Status.valueOf(r.getString(5)),
                  r.getString(6),
                  r.getObject(7, LocalDate.class),
                  r.getString(8),
                  instant(r.getTimestamp(9)),
                  r.getString(10),
                  instant(r.getTimestamp(11)),
                  r.getString(12)));
        }
      }
      return out;
    }
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
