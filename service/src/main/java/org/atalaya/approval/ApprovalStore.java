package org.atalaya.approval;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.atalaya.database.NamedStatement;

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
      WHERE m.indicator_id = :indicator AND m.period_start = :period
        AND (CAST(:source AS text) IS NULL OR s.code = :source)
        AND (CAST(:territory AS text) IS NULL OR t.code = :territory)""";

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
        var s = NamedStatement.prepare(c, "SELECT pg_advisory_xact_lock(:indicator)")) {
      s.setLong("indicator", indicatorId).executeQuery().close();
    }
  }

  /** Whose institution a person works for (validators may not judge their own figures). */
  public Person person(String username) throws SQLException {
    String sql =
        """
        SELECT u.institution_id, i.code AS institution FROM app_user u
        LEFT JOIN institution i ON i.id = u.institution_id WHERE u.username = :username
        """;
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, sql)) {
      s.setString("username", username);
      try (var r = s.executeQuery()) {
        if (!r.next() || r.getObject("institution_id") == null) {
          return new Person(null, null);
        }
        return new Person(r.getLong("institution_id"), r.getString("institution"));
      }
    }
  }

  /** How many cells the scope has, how many are in {@code status}, and whose they are. */
  Counts counts(Scope scope, String status, String user, @Nullable Long institution)
      throws SQLException {
    String sql =
        """
        SELECT count(*) AS cells, count(*) FILTER (WHERE m.status = :status) AS in_status,
               count(*) FILTER (WHERE m.status = :status AND m.recorded_by = :user) AS own,
               count(*) FILTER (WHERE m.status = :status
                 AND coalesce(s.institution_id, i.institution_id, -1) IN (-1, :institution))
                 AS own_institution
        """
            + CELLS;
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, sql)) {
      s.setString("status", status)
          .setString("user", user)
          .setLong("institution", institution == null ? -1 : institution);
      bind(s, scope);
      try (var r = s.executeQuery()) {
        r.next();
        return new Counts(
            r.getLong("cells"),
            r.getLong("in_status"),
            r.getLong("own"),
            r.getLong("own_institution"));
      }
    }
  }

  /** The reports (plan/period/version) that published the period, oldest first. */
  List<String> publishedIn(long indicatorId, LocalDate period) throws SQLException {
    String sql =
        """
        SELECT r.plan_code || '/' || r.period || '/' || r.version AS report
        FROM published_period p JOIN report r ON r.id = p.report_id
        WHERE p.indicator_id = :indicator AND p.period_start = :period
        ORDER BY p.published_at, r.id
        """;
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, sql)) {
      return s.setLong("indicator", indicatorId)
          .setDate("period", period)
          .list(r -> r.getString("report"));
    }
  }

  void approve(long indicatorId, LocalDate period, String by) throws SQLException {
    update(
        """
        INSERT INTO period_approval (indicator_id, period_start, approved_by)
        VALUES (:indicator, :period, :by)
        ON CONFLICT (indicator_id, period_start)
        DO UPDATE SET approved_by = excluded.approved_by, approved_at = now()
        """,
        indicatorId,
        period,
        by);
  }

  void withdrawApproval(long indicatorId, LocalDate period) throws SQLException {
    update(
        "DELETE FROM period_approval WHERE indicator_id = :indicator AND period_start = :period",
        indicatorId,
        period);
  }

  /** An approval row's write: indicator and period, and who approved when given. */
  private void update(String sql, long indicatorId, LocalDate period, String... by)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, sql)) {
      s.setLong("indicator", indicatorId).setDate("period", period);
      if (by.length > 0) {
        s.setString("by", by[0]);
      }
      s.executeUpdate();
    }
  }

  private static void bind(NamedStatement s, Scope scope) throws SQLException {
    s.setLong("indicator", scope.indicatorId())
        .setDate("period", scope.period())
        .setString("source", scope.source())
        .setString("territory", scope.territory());
  }
}
