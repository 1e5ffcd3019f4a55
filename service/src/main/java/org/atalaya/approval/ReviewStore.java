package org.atalaya.approval;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.atalaya.database.NamedStatement;

/**
 * Comments and approvals per indicator and period, and what the figures of each period are.
 * Approval owns {@code indicator_comment}: the review pages write comments only through here.
 */
@Singleton
public class ReviewStore {
  /** How many periods the review lists, newest first: years of monthly figures. */
  public static final int PERIODS = 60;

  private final DataSource dataSource;

  ReviewStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** One period: how many figures it has, when they last changed, its thread and approval. */
  public record PeriodRow(
      LocalDate start,
      long cells,
      Instant changed,
      long comments,
      String approvedBy,
      Instant approvedAt,
      long provisional,
      boolean published) {}

  public record CommentRow(long id, LocalDate period, String author, String body, Instant at) {}

  public List<PeriodRow> periods(long indicator) throws SQLException {
    String sql =
        """
        WITH m AS (SELECT period_start, count(*) AS cells, max(recorded_at) AS changed,
                          count(*) FILTER (WHERE status = 'PROVISIONAL') AS provisional
                     FROM measurement WHERE indicator_id = :indicator GROUP BY period_start),
             c AS (SELECT period_start, count(*) AS comments
                     FROM indicator_comment WHERE indicator_id = :indicator GROUP BY period_start),
             a AS (SELECT period_start, approved_by, approved_at
                     FROM period_approval WHERE indicator_id = :indicator)
        SELECT coalesce(m.period_start, c.period_start, a.period_start) AS period_start,
               coalesce(m.cells, 0) AS cells, m.changed, coalesce(c.comments, 0) AS comments,
               a.approved_by, a.approved_at, coalesce(m.provisional, 0) AS provisional,
               EXISTS (SELECT 1 FROM published_period p WHERE p.indicator_id = :indicator
                         AND p.period_start = coalesce(m.period_start, c.period_start,
                                                       a.period_start)) AS published
          FROM m FULL JOIN c ON c.period_start = m.period_start
                 FULL JOIN a ON a.period_start = coalesce(m.period_start, c.period_start)
         ORDER BY 1 DESC
         LIMIT :periods
        """;
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, sql)) {
      s.setLong("indicator", indicator).setInt("periods", PERIODS);
      List<PeriodRow> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(
              new PeriodRow(
                  r.getDate("period_start").toLocalDate(),
                  r.getLong("cells"),
                  instant(r.getTimestamp("changed")),
                  r.getLong("comments"),
                  r.getString("approved_by"),
                  instant(r.getTimestamp("approved_at")),
                  r.getLong("provisional"),
                  r.getBoolean("published")));
        }
      }
      return out;
    }
  }

  public List<CommentRow> comments(long indicator, LocalDate period) throws SQLException {
    String sql =
        "SELECT id, period_start, author, body, created_at FROM indicator_comment"
            + " WHERE indicator_id = :indicator AND period_start = :period ORDER BY id";
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, sql)) {
      s.setLong("indicator", indicator).setDate("period", period);
      List<CommentRow> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(
              new CommentRow(
                  r.getLong("id"),
                  r.getDate("period_start").toLocalDate(),
                  r.getString("author"),
                  r.getString("body"),
                  instant(r.getTimestamp("created_at"))));
        }
      }
      return out;
    }
  }

  public long addComment(long indicator, LocalDate period, String author, String body)
      throws SQLException {
    String sql =
        "INSERT INTO indicator_comment (indicator_id, period_start, author, body)"
            + " VALUES (:indicator, :period, :author, :body) RETURNING id";
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, sql)) {
      s.setLong("indicator", indicator).setDate("period", period);
      s.setString("author", author).setString("body", body);
      return s.first(r -> r.getLong("id")).orElseThrow();
    }
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
