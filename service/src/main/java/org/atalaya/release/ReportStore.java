package org.atalaya.release;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.atalaya.database.ColumnValues;
import org.atalaya.database.NamedStatement;

/**
 * Report versions and the frozen files of published ones (migration V035). The report feature
 * renders; this package alone writes {@code report} and {@code report_file}.
 */
@Singleton
public class ReportStore {
  private static final String COLUMNS =
      "id, plan_code, period, version, status, reason, as_of, created_by, created_at,"
          + " published_by, published_at, content_hash";

  private final DataSource dataSource;

  ReportStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public enum Status {
    DRAFT,
    PUBLISHED
  }

  public record Release(
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

  /** A file to freeze with a published version, with its SHA-256 in hex. */
  public record NewFile(String name, String mediaType, String sha256, byte[] content) {}

  public record FileInfo(String name, String mediaType, String sha256, long size) {}

  public record Stored(String mediaType, String sha256, byte[] content) {}

  public Optional<Release> find(String plan, String period, int version) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c,
                "SELECT "
                    + COLUMNS
                    + " FROM report WHERE plan_code = :plan AND period = :period"
                    + " AND version = :version")) {
      s.setString("plan", plan).setString("period", period).setInt("version", version);
      return s.first(ReportStore::release);
    }
  }

  public List<Release> versions(String plan, String period) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c,
                "SELECT "
                    + COLUMNS
                    + " FROM report WHERE plan_code = :plan AND period = :period"
                    + " ORDER BY version")) {
      return s.setString("plan", plan).setString("period", period).list(ReportStore::release);
    }
  }

  public List<Release> list(boolean publishedOnly) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c,
                "SELECT "
                    + COLUMNS
                    + " FROM report WHERE (:published_only = false OR status = 'PUBLISHED')"
                    + " ORDER BY plan_code, period DESC, version DESC")) {
      return s.setBoolean("published_only", publishedOnly).list(ReportStore::release);
    }
  }

  public Release insert(
      String plan, String period, LocalDate asOf, int version, String reason, String user)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c,
                """
                INSERT INTO report (plan_code, period, version, status, reason, as_of, created_by)
                VALUES (:plan, :period, :version, 'DRAFT', :reason, :as_of, :user)
                """)) {
      s.setString("plan", plan).setString("period", period).setInt("version", version);
      s.setString("reason", reason).setObject("as_of", asOf).setString("user", user);
      s.executeUpdate();
    }
    return find(plan, period, version).orElseThrow();
  }

  /**
   * Freezes a draft with its files. False when it was no longer a draft (published meanwhile): the
   * caller's transaction then rolls back, and nothing is stored twice.
   */
  public boolean publish(long id, String user, String hash, List<NewFile> files)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      try (var s =
          NamedStatement.prepare(
              c,
              """
              UPDATE report SET status = 'PUBLISHED', published_by = :user, published_at = now(),
                     content_hash = :hash
               WHERE id = :id AND status = 'DRAFT'
              """)) {
        s.setString("user", user).setString("hash", hash).setLong("id", id);
        if (s.executeUpdate() != 1) {
          return false;
        }
      }
      try (var s =
          NamedStatement.prepare(
              c,
              """
              INSERT INTO report_file (report_id, name, media_type, sha256, content)
              VALUES (:id, :name, :media_type, :sha256, :content)
              """)) {
        for (NewFile f : files) {
          s.setLong("id", id).setString("name", f.name()).setString("media_type", f.mediaType());
          s.setString("sha256", f.sha256()).setBytes("content", f.content());
          s.addBatch();
        }
        s.executeBatch();
      }
      return true;
    }
  }

  public List<FileInfo> files(long id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c,
                """
                SELECT name, media_type, sha256, octet_length(content) AS size FROM report_file
                 WHERE report_id = :id ORDER BY name
                """)) {
      return s.setLong("id", id)
          .list(
              r ->
                  new FileInfo(
                      r.getString("name"),
                      r.getString("media_type"),
                      r.getString("sha256"),
                      r.getLong("size")));
    }
  }

  public Optional<Stored> file(long id, String name) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c,
                "SELECT media_type, sha256, content FROM report_file"
                    + " WHERE report_id = :id AND name = :name")) {
      return s.setLong("id", id)
          .setString("name", name)
          .first(
              r ->
                  new Stored(
                      r.getString("media_type"), r.getString("sha256"), r.getBytes("content")));
    }
  }

  private static Release release(ResultSet r) throws SQLException {
    return new Release(
        r.getLong("id"),
        r.getString("plan_code"),
        r.getString("period"),
        r.getInt("version"),
        Status.valueOf(r.getString("status")),
        r.getString("reason"),
        r.getObject("as_of", LocalDate.class),
        r.getString("created_by"),
        ColumnValues.instant(r, "created_at"),
        r.getString("published_by"),
        ColumnValues.instant(r, "published_at"),
        r.getString("content_hash"));
  }
}
