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
 * The SQL of validation: the figures of an indicator's period (optionally one source or territory),
 * moved between PROVISIONAL and VALIDATED with one revision each, and the approval row the review
 * page shows. Runs in the caller's transaction.
 */
@Singleton
class ApprovalStore {
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

  record Person(@Nullable Long institutionId, @Nullable String institution) {}

  /** Validations and uploads of one indicator wait for each other (the uploads' own lock). */
  void lock(long indicatorId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      s.setLong(1, indicatorId);
      s.executeQuery().close();
    }
  }

  Person person(String username) throws SQLException {
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

  /**
   * Moves the scope's cells from one status to the other, each with a revision; returns how many.
   */
  long move(Scope scope, String from, String to, String user, @Nullable String reason)
      throws SQLException {
    String history =
        """
        INSERT INTO measurement_revision (indicator_id, period_start, sex, territory_id, age_group,
          source_id, revision, old_value, old_numerator, old_denominator, old_status,
          old_recorded_by, old_recorded_at, new_value, new_numerator, new_denominator, new_status,
          changed_by, reason)
        SELECT m.indicator_id, m.period_start, m.sex, m.territory_id, m.age_group, m.source_id,
               m.revision + 1, m.value, m.numerator, m.denominator, m.status, m.recorded_by,
               m.recorded_at, m.value, m.numerator, m.denominator, ?, ?, ?
        """
            + CELLS
            + " AND m.status = ?";
    // Who recorded the value and when stay: the validator is in the revision and the audit log.
    String change =
        """
        UPDATE measurement m SET status = ?, revision = m.revision + 1
        FROM indicator i, indicator_source s, territory t
        WHERE i.id = m.indicator_id AND s.id = m.source_id AND t.id = m.territory_id
          AND m.indicator_id = ? AND m.period_start = ?
          AND (CAST(? AS text) IS NULL OR s.code = ?) AND (CAST(? AS text) IS NULL OR t.code = ?)
          AND m.status = ?
        """;
    try (Connection c = dataSource.getConnection();
        var h = c.prepareStatement(history);
        var u = c.prepareStatement(change)) {
      h.setString(1, to);
      h.setString(2, user);
      h.setString(3, reason);
      bind(h, 4, scope);
      h.setString(10, from);
      h.executeUpdate();
      u.setString(1, to);
      bind(u, 2, scope);
      u.setString(8, from);
      return u.executeUpdate();
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
