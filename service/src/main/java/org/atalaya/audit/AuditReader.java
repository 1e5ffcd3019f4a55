package org.atalaya.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.atalaya.database.NamedStatement;

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
    Map<String, Object> args = new LinkedHashMap<>();
    String where = where(filter, args);
    try (Connection c = dataSource.getConnection()) {
      long total;
      try (var count = prepare(c, "SELECT count(*) AS n FROM audit_log" + where, args)) {
        total = count.first(rs -> rs.getLong("n")).orElseThrow();
      }
      Map<String, Object> paged = new LinkedHashMap<>(args);
      paged.put("size", filter.size());
      paged.put("offset", filter.offset());
      String sql =
          "SELECT id, at, actor, action, entity, entity_key, before_json::text AS before_json,"
              + " after_json::text AS after_json, reason FROM audit_log"
              + where
              + " ORDER BY at DESC, id DESC LIMIT :size OFFSET :offset";
      List<Entry> entries;
      try (var s = prepare(c, sql, paged)) {
        entries = s.list(this::entry);
      }
      return new Page(filter.page(), filter.size(), total, entries);
    }
  }

  private static String where(AuditFilter f, Map<String, Object> args) {
    List<String> terms = new ArrayList<>();
    if (f.entity() != null) {
      terms.add("entity = :entity");
      args.put("entity", f.entity());
    }
    if (f.key() != null && f.key().endsWith("*")) {
      terms.add("entity_key LIKE :key ESCAPE '\\'");
      args.put("key", escapeLike(f.key().substring(0, f.key().length() - 1)) + "%");
    } else if (f.key() != null) {
      terms.add("entity_key = :key");
      args.put("key", f.key());
    }
    if (f.actor() != null) {
      terms.add("actor = :actor");
      args.put("actor", f.actor());
    }
    if (f.action() != null) {
      terms.add("action = :action");
      args.put("action", f.action().name());
    }
    if (f.from() != null) {
      terms.add("at >= :from");
      args.put("from", Timestamp.from(f.from()));
    }
    if (f.to() != null) {
      terms.add("at < :to");
      args.put("to", Timestamp.from(f.to()));
    }
    return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
  }

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static NamedStatement prepare(Connection c, String sql, Map<String, Object> args)
      throws SQLException {
    NamedStatement s = NamedStatement.prepare(c, sql);
    for (var arg : args.entrySet()) {
      s.setObject(arg.getKey(), arg.getValue());
    }
    return s;
  }

  private Entry entry(ResultSet rs) throws SQLException {
    return new Entry(
        rs.getLong("id"),
        rs.getTimestamp("at").toInstant(),
        rs.getString("actor"),
        AuditAction.valueOf(rs.getString("action")),
        rs.getString("entity"),
        rs.getString("entity_key"),
        parse(rs.getString("before_json")),
        parse(rs.getString("after_json")),
        rs.getString("reason"));
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
