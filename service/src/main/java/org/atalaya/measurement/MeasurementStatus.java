package org.atalaya.measurement;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import javax.sql.DataSource;

/**
 * Moves figures between PROVISIONAL and VALIDATED for the approval workflow: measurement owns its
 * tables, so the status change and its revisions are written here, in the caller's transaction, and
 * the rollup is refreshed once that transaction commits (the caller need not remember it).
 */
@Singleton
public class MeasurementStatus {
  private final DataSource dataSource;
  private final RollupRefresh rollups;

  MeasurementStatus(DataSource dataSource, RollupRefresh rollups) {
    this.dataSource = dataSource;
    this.rollups = rollups;
  }

  /** Which cells: one period of one indicator, all sources and territories unless named. */
  public record Scope(
      long indicatorId, LocalDate period, @Nullable String source, @Nullable String territory) {}

  /**
   * Moves the scope's cells from one status to the other, each with a revision; returns how many.
   * Who recorded the value and when stay: the validator is in the revision (and the audit log).
   */
  public long move(Scope scope, String from, String to, String user, @Nullable String reason)
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
        FROM measurement m
        JOIN indicator_source s ON s.id = m.source_id
        JOIN territory t ON t.id = m.territory_id
        WHERE m.indicator_id = ? AND m.period_start = ?
          AND (CAST(? AS text) IS NULL OR s.code = ?) AND (CAST(? AS text) IS NULL OR t.code = ?)
          AND m.status = ?
        """;
    String change =
        """
        UPDATE measurement m SET status = ?, revision = m.revision + 1
        FROM indicator_source s, territory t
        WHERE s.id = m.source_id AND t.id = m.territory_id
          AND m.indicator_id = ? AND m.period_start = ?
          AND (CAST(? AS text) IS NULL OR s.code = ?) AND (CAST(? AS text) IS NULL OR t.code = ?)
          AND m.status = ?
        """;
    long moved;
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
      moved = u.executeUpdate();
    }
    if (moved > 0) {
      rollups.whenCommitted();
    }
    return moved;
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
