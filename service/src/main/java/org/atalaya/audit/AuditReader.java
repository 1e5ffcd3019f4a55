package org.atalaya.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads the audit log newest first, every filter a bind parameter; the API and the audit page both
 * read through {@link #search}.
 */
@Singleton
public class AuditReader {
  private final DataSource dataSource;
  private final ObjectMapper json;

  AuditReader(DataSource dataSource, ObjectMapper json) {
    this.dataSource = dataSource;
    this.json = json;
  }

  /** One entry as a reader sees it: before and after are the JSON that was recorded. */
  @Serdeable
  public record Entry(
      long id,
      Instant at,
      String actor,
      AuditAction action,
      String entity,
      String key,
      @Nullable Object before,
      @Nullable Object after,
      @Nullable String reason) {}

  @Serdeable
  public record Page(int page, int size, long total, List<Entry> entries) {}

  /**
   * The entries matching the filters, as the API's query parameters spell them; anything that
   * cannot be understood is refused naming its field (an {@link org.atalaya.shared.ApiException}).
   */
  @Connectable
  public Page search(
      @Nullable String entity,
      @Nullable String key,
      @Nullable String actor,
      @Nullable String action,
      @Nullable String from,
      @Nullable String to,
      int page,
      int size)
      throws SQLException {
    return read(AuditFilter.parse(entity, key, actor, action, from, to, page, size));
  }

  @Connectable
  Page read(AuditFilter filter) throws SQLException {
    List<Object> args = new ArrayList<>();
    String where = where(filter, args);
    try (Connection c = dataSource.getConnection()) {
      long total;
      try (var count = prepare(c, "SELECT count(*) FROM audit_log" + where, args);
          var rs = count.executeQuery()) {
        rs.next();
        total = rs.getLong(1);
      }
      List<Object> paged = new ArrayList<>(args);
      paged.add(filter.size());
      paged.add(filter.offset());
      String sql =
          "SELECT id, at, actor, action, entity, entity_key, before_json::text, after_json::text,"
              + " reason FROM audit_log"
              + where
              + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?";
      List<Entry> entries = new ArrayList<>();
      try (var s = prepare(c, sql, paged);
          var rs = s.executeQuery()) {
        while (rs.next()) {
          entries.add(entry(rs));
        }
      }
      return new Page(filter.page(), filter.size(), total, entries);
    }
  }

  private static String where(AuditFilter f, List<Object> args) {
    List<String> terms = new ArrayList<>();
    if (f.entity() != null) {
      terms.add("entity = ?");
      args.add(f.entity());
    }
    if (f.key() != null && f.key().endsWith("*")) {
      terms.add("entity_key LIKE ? ESCAPE '\\'");
      args.add(escapeLike(f.key().substring(0, f.key().length() - 1)) + "%");
    } else if (f.key() != null) {
      terms.add("entity_key = ?");
      args.add(f.key());
    }
    if (f.actor() != null) {
      terms.add("actor = ?");
      args.add(f.actor());
    }
    if (f.action() != null) {
      terms.add("action = ?");
      args.add(f.action().name());
    }
    if (f.from() != null) {
      terms.add("at >= ?");
      args.add(Timestamp.from(f.from()));
    }
    if (f.to() != null) {
      terms.add("at < ?");
      args.add(Timestamp.from(f.to()));
    }
    return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
  }

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static PreparedStatement prepare(Connection c, String sql, List<Object> args)
      throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    for (int i = 0; i < args.size(); i++) {
      s.setObject(i + 1, args.get(i));
    }
    return s;
  }

  private Entry entry(ResultSet rs) throws SQLException {
    return new Entry(
        rs.getLong(1),
        rs.getTimestamp(2).toInstant(),
        rs.getString(3),
        AuditAction.valueOf(rs.getString(4)),
        rs.getString(5),
        rs.getString(6),
        parse(rs.getString(7)),
        parse(rs.getString(8)),
        rs.getString(9));
  }

  private Object parse(@Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      return json.readValue(text, Object.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
