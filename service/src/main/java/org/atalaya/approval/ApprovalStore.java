package org.atalaya.approval;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The SQL of validation: who holds the figures of an indicator's period (optionally one source or
 * territory) and in which status, and the approval row the review page shows; the figures
 * themselves move in {@code measurement} ({@code MeasurementStatus}). Runs in the caller's
 * transaction.
 */
@Singleton
public class ApprovalStore {
  private static final String CELLS =
      """
      FROM measurement m
      JOIN indicator i ON i.id = m.indicator_id
      JOIN indicator_source s ON s.id = m.source_id
      JOIN territory t ON t.id = m.territory_id
      WHERE m.indicator_id = ? AND m.period_start = ?
        AND (CAST(? AS text) IS NULL OR s.code = ?) AND (CAST(? AS text) IS NULL OR t.code = ?)""";

  private final DataSource dataSource;

  ApprovalStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Which cells: one period of one indicator, all sources and territories unless named. */
  record Scope(
      long indicatorId, LocalDate period, @Nullable String source, @Nullable String territory) {}

  record Counts(long cells, long inStatus, long own, long ownInstitution) {}

  public record Person(@Nullable Long institutionId, @Nullable String institution) {}

  /** Validations and uploads of one indicator wait for each other (the uploads' own lock). */
  void lock(long indicatorId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      s.setLong(1, indicatorId);
      s.executeQuery().close();
    }
  }

  /** Whose institution a person works for (validators may not judge their own figures). */
  public Person person(String username) throws SQLException {
    String sql =
        "SELECT u.institution_id, i.code FROM app_user u"
            + " LEFT JOIN institution i ON i.id = u.institution_id WHERE u.username = ?";
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement(sql)) {
      s.setString(1, username);
      try (var r = s.executeQuery()) {
        if (!r.next() || r.getObject(1) == null) {
          return new Person(null, null);
        }
        return new Person(r.getLong(1), r.getString(2));
      }
    }
  }

  /** How many cells the scope has, how many are in {@code status}, and whose they are. */
  Counts counts(Scope scope, String status, String user, @Nullable Long institution)
      throws SQLException {
    String sql =
        """
        SELECT count(*), count(*) FILTER (WHERE m.status = ?),
               count(*) FILTER (WHERE m.status = ? AND m.recorded_by = ?),
               count(*) FILTER (WHERE m.status = ?
                 AND coalesce(s.institution_id, i.institution_id, -1) IN (-1, ?))
        """
            + CELLS;
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement(sql)) {
      s.setString(1, status);
      s.setString(2, status);
      s.setString(3, user);
      s.setString(4, status);
      s.setLong(5, institution == null ? -1 : institution);
      bind(s, 6, scope);
      try (var r = s.executeQuery()) {
        r.next();
        return new Counts(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4));
      }
    }
  }

  /** The reports (plan/period/version) that published the period, oldest first. */
  List<String> publishedIn(long indicatorId, LocalDate period) throws SQLException {
    String sql =
        "SELECT r.plan_code || '/' || r.period || '/' || r.version FROM published_period p"
            + " JOIN report r ON r.id = p.report_id"
            + " WHERE p.indicator_id = ? AND p.period_start = ? ORDER BY p.published_at, r.id";
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement(sql)) {
      s.setLong(1, indicatorId);
      s.setDate(2, Date.valueOf(period));
      List<String> out = new ArrayList<>();
      try (var r = s.executeQuery()) {
        while (r.next()) {
          out.add(r.getString(1));
        }
      }
      return out;
    }
  }

  void approve(long indicatorId, LocalDate period, String by) throws SQLException {
    update(
        """
        INSERT INTO period_approval (indicator_id, period_start, approved_by) VALUES (?, ?, ?)
        ON CONFLICT (indicator_id, period_start)
        DO UPDATE SET approved_by = excluded.approved_by, approved_at = now()
        """,
        indicatorId,
        period,
        by);
  }

  void withdrawApproval(long indicatorId, LocalDate period) throws SQLException {
    update(
        "DELETE FROM period_approval WHERE indicator_id = ? AND period_start = ?",
        indicatorId,
        period);
  }

  private void update(String sql, Object... args) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i] instanceof LocalDate d ? Date.valueOf(d) : args[i]);
      }
      s.executeUpdate();
    }
  }

  private static void bind(PreparedStatement s, int at, Scope scope) throws SQLException {
    s.setLong(at, scope.indicatorId());
    s.setDate(at + 1, Date.valueOf(scope.period()));
    s.setString(at + 2, scope.source());
    s.setString(at + 3, scope.source());
    s.setString(at + 4, scope.territory());
    s.setString(at + 5, scope.territory());
  }
}
