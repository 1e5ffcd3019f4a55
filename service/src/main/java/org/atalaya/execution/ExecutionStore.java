package org.atalaya.execution;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.atalaya.database.NamedStatement;
import org.atalaya.indicator.Frequency;

/**
 * The SQL of {@code execution_activity} and {@code execution_budget}, in the caller's transaction.
 */
@Singleton
class ExecutionStore {
  private static final String PART =
      " WHERE plan_id = :plan AND part_kind = :part_kind AND part_code = :part_code";
  private static final String ACTIVITY =
      "SELECT id, position, name, planned_start, planned_end, actual_start, actual_end, state,"
          + " note, version FROM execution_activity";
  private static final String BUDGET =
      "SELECT id, period_start, funding_source, currency, committed, executed, version"
          + " FROM execution_budget";

  /** Where a row hangs: the plan, the kind of part and its code. */
  record Part(long planId, PartKind kind, String code) {}

  private final DataSource dataSource;

  ExecutionStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  List<Activity> activities(Part part) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, ACTIVITY + PART + " ORDER BY position")) {
      return bind(s, part).list(ExecutionStore::activity);
    }
  }

  Optional<Activity> activity(Part part, long id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, ACTIVITY + PART + " AND id = :id")) {
      return bind(s, part).setLong("id", id).first(ExecutionStore::activity);
    }
  }

  long insert(Part part, ActivityForm f, String user) throws SQLException {
    String sql =
        """
        INSERT INTO execution_activity (plan_id, part_kind, part_code, position, name,
          planned_start, planned_end, actual_start, actual_end, state, note, updated_by)
        VALUES (:plan, :part_kind, :part_code,
                (SELECT coalesce(max(position), -1) + 1 FROM execution_activity
                  WHERE plan_id = :plan AND part_kind = :part_kind AND part_code = :part_code),
                :name, :planned_start, :planned_end, :actual_start, :actual_end, :state, :note,
                :user) RETURNING id""";
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, sql)) {
      fields(bind(s, part), f).setString("user", user);
      return s.first(r -> r.getLong("id")).orElseThrow();
    }
  }

  /**
   * Changes the activity if it is still at {@code version}; false when someone changed it first.
   */
  boolean update(long id, ActivityForm f, int version, String user) throws SQLException {
    String sql =
        """
        UPDATE execution_activity SET name = :name, planned_start = :planned_start,
          planned_end = :planned_end, actual_start = :actual_start, actual_end = :actual_end,
          state = :state, note = :note, updated_by = :user,
          updated_at = now(), version = version + 1
        WHERE id = :id AND version = :version""";
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, sql)) {
      fields(s, f).setString("user", user).setLong("id", id).setInt("version", version);
      return s.executeUpdate() == 1;
    }
  }

  List<BudgetLine> budget(Part part) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(c, BUDGET + PART + " ORDER BY period_start, funding_source")) {
      return bind(s, part).list(ExecutionStore::budgetLine);
    }
  }

  /**
   * Inserts the quarter's line for the source, or replaces its figures when it exists at {@code
   * version} (null: it must not exist yet). False when the line is not as the writer read it.
   */
  boolean saveBudget(
      Part part,
      LocalDate period,
      String source,
      String currency,
      BigDecimal committed,
      BigDecimal executed,
      @Nullable Integer version,
      String user)
      throws SQLException {
    String sql =
        """
        INSERT INTO execution_budget (plan_id, part_kind, part_code, period_start, funding_source,
          currency, committed, executed, updated_by)
        VALUES (:plan, :part_kind, :part_code, :period, :source, :currency, :committed,
                :executed, :user)
        ON CONFLICT (plan_id, part_kind, part_code, period_start, funding_source) DO UPDATE
          SET committed = excluded.committed, executed = excluded.executed,
              updated_by = excluded.updated_by, updated_at = now(),
              version = execution_budget.version + 1
          WHERE execution_budget.version = :version""";
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, sql)) {
      bind(s, part).setDate("period", period).setString("source", source);
      s.setString("currency", currency).setBigDecimal("committed", committed);
      s.setBigDecimal("executed", executed).setString("user", user);
      // A new line (no version read) must not meet an existing one: -1 matches no row's version.
      s.setInt("version", version == null ? -1 : version);
      return s.executeUpdate() == 1;
    }
  }

  private static NamedStatement bind(NamedStatement s, Part part) throws SQLException {
    return s.setLong("plan", part.planId())
        .setString("part_kind", part.kind().name())
        .setString("part_code", part.code());
  }

  private static NamedStatement fields(NamedStatement s, ActivityForm f) throws SQLException {
    return s.setString("name", f.name().strip())
        .setObject("planned_start", f.plannedStart())
        .setObject("planned_end", f.plannedEnd())
        .setObject("actual_start", f.actualStart())
        .setObject("actual_end", f.actualEnd())
        .setString("state", f.state().name())
        .setString("note", f.note() == null || f.note().isBlank() ? null : f.note().strip());
  }

  private static Activity activity(ResultSet r) throws SQLException {
    return new Activity(
        r.getLong("id"),
        r.getInt("position"),
        r.getString("name"),
        r.getObject("planned_start", LocalDate.class),
        r.getObject("planned_end", LocalDate.class),
        r.getObject("actual_start", LocalDate.class),
        r.getObject("actual_end", LocalDate.class),
        ActivityState.valueOf(r.getString("state")),
        r.getString("note"),
        r.getInt("version"));
  }

  private static BudgetLine budgetLine(ResultSet r) throws SQLException {
    LocalDate start = r.getDate("period_start").toLocalDate();
    return new BudgetLine(
        r.getLong("id"),
        start,
        Frequency.QUARTERLY.label(start),
        r.getString("funding_source"),
        r.getString("currency"),
        r.getBigDecimal("committed"),
        r.getBigDecimal("executed"),
        r.getInt("version"));
  }
}
