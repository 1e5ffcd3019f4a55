package org.atalaya.approval;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

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
                     FROM measurement WHERE indicator_id = ? GROUP BY period_start),
             c AS (SELECT period_start, count(*) AS comments
                     FROM indicator_comment WHERE indicator_id = ? GROUP BY period_start),
             a AS (SELECT period_start, approved_by, approved_at
                     FROM period_approval WHERE indicator_id = ?)
        SELECT coalesce(m.period_start, c.period_start, a.period_start), coalesce(m.cells, 0),
               m.changed, coalesce(c.comments, 0), a.approved_by, a.approved_at,
               coalesce(m.provisional, 0),
               EXISTS (SELECT 1 FROM published_period p WHERE p.indicator_id = ?
                         AND p.period_start = coalesce(m.period_start, c.period_start,
                                                       a.period_start))
          FROM m FULL JOIN c ON c.period_start = m.period_start
                 FULL JOIN a ON a.period_start = coalesce(m.period_start, c.period_start)
         ORDER BY 1 DESC
         LIMIT ?
        """;
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement(sql)) {
      s.setLong(1, indicator);
      s.setLong(2, indicator);
      s.setLong(3, indicator);
      s.setLong(4, indicator);
      s.setInt(5, PERIODS);
      List<PeriodRow> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(
              new PeriodRow(
                  r.getDate(1).toLocalDate(),
                  r.getLong(2),
                  instant(r.getTimestamp(3)),
                  r.getLong(4),
                  r.getString(5),
                  instant(r.getTimestamp(6)),
                  r.getLong(7),
                  r.getBoolean(8)));
        }
      }
      return out;
    }
  }

  public List<CommentRow> comments(long indicator, LocalDate period) throws SQLException {
    String sql =
        "SELECT id, period_start, author, body, created_at FROM indicator_comment"
            + " WHERE indicator_id = ? AND period_start = ? ORDER BY id";
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement(sql)) {
      s.setLong(1, indicator);
      s.setDate(2, Date.valueOf(period));
      List<CommentRow> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(
              new CommentRow(
                  r.getLong(1),
                  r.getDate(2).toLocalDate(),
                  r.getString(3),
                  r.getString(4),
                  instant(r.getTimestamp(5))));
        }
      }
      return out;
    }
  }

  public long addComment(long indicator, LocalDate period, String author, String body)
      throws SQLException {
    String sql =
        "INSERT INTO indicator_comment (indicator_id, period_start, author, body)"
            + " VALUES (?, ?, ?, ?) RETURNING id";
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement(sql)) {
      s.setLong(1, indicator);
      s.setDate(2, Date.valueOf(period));
      s.setString(3, author);
      s.setString(4, body);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
