package org.atalaya.execution;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.atalaya.indicator.Frequency;

/**
 * The SQL of {@code execution_activity} and {@code execution_budget}, in the caller's transaction.
 */
@Singleton
class ExecutionStore {
  private static final String PART = " WHERE plan_id = ? AND part_kind = ? AND part_code = ?";
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
        var s = c.prepareStatement(ACTIVITY + PART + " ORDER BY position")) {
      bind(s, part);
      List<Activity> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(activity(r));
        }
      }
      return out;
    }
  }

  Optional<Activity> activity(Part part, long id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement(ACTIVITY + PART + " AND id = ?")) {
      bind(s, part);
      s.setLong(4, id);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(activity(r)) : Optional.empty();
      }
    }
  }

  long insert(Part part, ActivityForm f, String user) throws SQLException {
    String sql =
        """
        INSERT INTO execution_activity (plan_id, part_kind, part_code, position, name,
          planned_start, planned_end, actual_start, actual_end, state, note, updated_by)
        VALUES (?, ?, ?, (SELECT coalesce(max(position), -1) + 1 FROM execution_activity
                          WHERE plan_id = ? AND part_kind = ? AND part_code = ?),
                ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""";
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement(sql)) {
      bind(s, part);
      s.setLong(4, part.planId());
      s.setString(5, part.kind().name());
      s.setString(6, part.code());
      fields(s, 7, f);
      s.setString(14, user);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  /**
   * Changes the activity if it is still at {@code version}; false when someone changed it first.
   */
  boolean update(long id, ActivityForm f, int version, String user) throws SQLException {
    String sql =
        """
        UPDATE execution_activity SET name = ?, planned_start = ?, planned_end = ?,
          actual_start = ?, actual_end = ?, state = ?, note = ?, updated_by = ?,
          updated_at = now(), version = version + 1
        WHERE id = ? AND version = ?""";
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement(sql)) {
      fields(s, 1, f);
      s.setString(8, user);
      s.setLong(9, id);
      s.setInt(10, version);
      return s.executeUpdate() == 1;
    }
  }

  List<BudgetLine> budget(Part part) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement(BUDGET + PART + " ORDER BY period_start, funding_source")) {
      bind(s, part);
      List<BudgetLine> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          LocalDate start = r.getDate(2).toLocalDate();
          out.add(
              new BudgetLine(
                  r.getLong(1),
                  start,
                  Frequency.QUARTERLY.label(start),
                  r.getString(3),
                  r.getString(4),
                  r.getBigDecimal(5),
                  r.getBigDecimal(6),
                  r.getInt(7)));
        }
      }
      return out;
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
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (plan_id, part_kind, part_code, period_start, funding_source) DO UPDATE
          SET committed = excluded.committed, executed = excluded.executed,
              updated_by = excluded.updated_by, updated_at = now(),
              version = execution_budget.version + 1
          WHERE execution_budget.version = ?""";
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement(sql)) {
      bind(s, part);
      s.setDate(4, Date.valueOf(period));
      s.setString(5, source);
      s.setString(6, currency);
      s.setBigDecimal(7, committed);
      s.setBigDecimal(8, executed);
      s.setString(9, user);
      // A new line (no version read) must not meet an existing one: -1 matches no row's version.
      s.setInt(10, version == null ? -1 : version);
      return s.executeUpdate() == 1;
    }
  }

  private static void bind(PreparedStatement s, Part part) throws SQLException {
    s.setLong(1, part.planId());
    s.setString(2, part.kind().name());
    s.setString(3, part.code());
  }

  private static void fields(PreparedStatement s, int at, ActivityForm f) throws SQLException {
    s.setString(at, f.name().strip());
    s.setObject(at + 1, f.plannedStart());
    s.setObject(at + 2, f.plannedEnd());
    s.setObject(at + 3, f.actualStart());
    s.setObject(at + 4, f.actualEnd());
    s.setString(at + 5, f.state().name());
    s.setString(at + 6, f.note() == null || f.note().isBlank() ? null : f.note().strip());
  }

  private static Activity activity(ResultSet r) throws SQLException {
    return new Activity(
        r.getLong(1),
        r.getInt(2),
        r.getString(3),
        r.getObject(4, LocalDate.class),
        r.getObject(5, LocalDate.class),
        r.getObject(6, LocalDate.class),
        r.getObject(7, LocalDate.class),
        ActivityState.valueOf(r.getString(8)),
        r.getString(9),
        r.getInt(10));
  }
}
