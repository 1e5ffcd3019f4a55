package org.atalaya.measurement;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.atalaya.database.NamedStatement;
import org.atalaya.shared.PlainDecimals;

/** The SQL of an upload, run on the upload's own connection and transaction. */
@Singleton
class MeasurementStore {
  private static final String KEY =
      "indicator_id, source_id, period_start, sex, territory_id, age_group";
  private static final String SAME_CELL =
      """
      m.indicator_id = s.indicator_id AND m.source_id = s.source_id
      AND m.period_start = s.period_start AND m.sex = s.sex
      AND m.territory_id = s.territory_id AND m.age_group = s.age_group""";
  // A new value is a change; the status alone changes only upwards (a trusted load of validated
  // figures): re-sending a validated figure as provisional leaves it validated (docs/approval.md).
  private static final String CHANGED =
      "((m.value, m.numerator, m.denominator)"
          + " IS DISTINCT FROM (s.value, s.numerator, s.denominator)"
          + " OR (s.status = 'VALIDATED' AND m.status <> 'VALIDATED'))";

  void createStaging(Connection c) throws SQLException {
    try (var s = c.createStatement()) {
      s.execute(
          """
          CREATE TEMP TABLE measurement_staging (
            row_number bigint NOT NULL, indicator_id bigint NOT NULL, period_start date NOT NULL,
            sex varchar(2) NOT NULL, territory_id bigint NOT NULL, age_group varchar(20) NOT NULL,
            source_id bigint NOT NULL, value numeric NOT NULL, numerator numeric,
            denominator numeric, status varchar(12) NOT NULL
          ) ON COMMIT DROP
          """);
    }
  }

  /** Rows that repeat an earlier row's cell, each named with the row it repeats. */
  List<RowProblem> duplicates(Connection c, int limit) throws SQLException {
    String query =
        "SELECT row_number, first_row FROM (SELECT row_number, min(row_number) OVER (PARTITION BY "
            + KEY
            + ") AS first_row FROM measurement_staging) d WHERE row_number <> first_row"
            + " ORDER BY row_number LIMIT :limit";
    try (var s = NamedStatement.prepare(c, query)) {
      return s.setInt("limit", limit)
          .list(
              rs ->
                  RowProblem.of(
                      rs.getLong("row_number"), "", "", "duplicateRow", rs.getLong("first_row")));
    }
  }

  long countDuplicates(Connection c) throws SQLException {
    return count(
        c, "SELECT count(*) - count(DISTINCT (" + KEY + ")) AS n FROM measurement_staging");
  }

  void dropDuplicates(Connection c) throws SQLException {
    update(
        c,
        "DELETE FROM measurement_staging d USING measurement_staging k WHERE "
            + "d.indicator_id = k.indicator_id AND d.source_id = k.source_id"
            + " AND d.period_start = k.period_start AND d.sex = k.sex"
            + " AND d.territory_id = k.territory_id AND d.age_group = k.age_group"
            + " AND d.row_number > k.row_number");
  }

  /** The planner needs to know the staging table holds a million rows, not none. */
  void analyzeStaging(Connection c) throws SQLException {
    update(c, "ANALYZE measurement_staging");
  }

  long countStaged(Connection c) throws SQLException {
    return count(c, "SELECT count(*) AS n FROM measurement_staging");
  }

  /**
   * Parts that do not add up to the total given in the same file — women + men (+ not stated)
   * against the total, every corregimiento against its district: the values of counts, the
   * numerators and denominators of rates and proportions.
   */
  List<RowProblem> partsAgainstTotals(Connection c, int limit) throws SQLException {
    String query =
        """
        WITH totals AS MATERIALIZED (
          SELECT t.*, i.kind = 'COUNT' AS counted,
                 CASE WHEN i.kind = 'COUNT' THEN t.value ELSE t.numerator END AS amount,
                 CASE WHEN i.kind = 'COUNT' THEN 0 ELSE t.denominator END AS base,
                 EXISTS (SELECT 1 FROM territory c WHERE c.parent_id = t.territory_id) AS parent
          FROM measurement_staging t JOIN indicator i ON i.id = t.indicator_id
          WHERE (t.sex = '_T'
                 OR EXISTS (SELECT 1 FROM territory c WHERE c.parent_id = t.territory_id))
            AND (i.kind = 'COUNT' OR (i.kind IN ('RATE', 'PROPORTION')
                 AND t.numerator IS NOT NULL AND t.denominator IS NOT NULL)))
        SELECT t.row_number,
               sum(CASE WHEN t.counted THEN p.value ELSE p.numerator END) AS parts_amount,
               sum(CASE WHEN t.counted THEN 0 ELSE p.denominator END) AS parts_base,
               string_agg(p.row_number::text, ', ' ORDER BY p.row_number) AS part_rows,
               CASE WHEN t.counted THEN 'partsSex' ELSE 'partsSexFraction' END AS rule, t.amount
        FROM totals t JOIN measurement_staging p ON p.indicator_id = t.indicator_id
         AND p.source_id = t.source_id AND p.period_start = t.period_start
         AND p.territory_id = t.territory_id AND p.age_group = t.age_group
         AND p.sex IN ('F', 'M', '_U')
        WHERE t.sex = '_T'
        GROUP BY t.row_number, t.amount, t.base, t.counted
        HAVING bool_or(p.sex = 'F') AND bool_or(p.sex = 'M')
           AND count(*) FILTER (WHERE NOT t.counted AND p.numerator IS NULL) = 0
           AND (sum(CASE WHEN t.counted THEN p.value ELSE p.numerator END) <> t.amount
                OR sum(CASE WHEN t.counted THEN 0 ELSE p.denominator END) <> t.base)
        UNION ALL
        SELECT t.row_number,
               sum(CASE WHEN t.counted THEN p.value ELSE p.numerator END) AS parts_amount,
               sum(CASE WHEN t.counted THEN 0 ELSE p.denominator END) AS parts_base,
               string_agg(p.row_number::text, ', ' ORDER BY p.row_number) AS part_rows,
               CASE WHEN t.counted THEN 'partsTerritory' ELSE 'partsTerritoryFraction' END
                 AS rule,
               t.amount
        FROM totals t JOIN territory child ON child.parent_id = t.territory_id
        JOIN measurement_staging p ON p.territory_id = child.id
         AND p.indicator_id = t.indicator_id AND p.source_id = t.source_id
         AND p.period_start = t.period_start AND p.sex = t.sex AND p.age_group = t.age_group
        WHERE t.parent
        GROUP BY t.row_number, t.amount, t.base, t.counted, t.territory_id
        HAVING count(*) = (SELECT count(*) FROM territory x WHERE x.parent_id = t.territory_id)
           AND count(*) FILTER (WHERE NOT t.counted AND p.numerator IS NULL) = 0
           AND (sum(CASE WHEN t.counted THEN p.value ELSE p.numerator END) <> t.amount
                OR sum(CASE WHEN t.counted THEN 0 ELSE p.denominator END) <> t.base)
        ORDER BY 1 LIMIT :limit
        """;
    try (var s = NamedStatement.prepare(c, query)) {
      return s.setInt("limit", limit)
          .list(
              rs ->
                  RowProblem.of(
                      rs.getLong("row_number"),
                      "",
                      rs.getBigDecimal("amount").stripTrailingZeros().toPlainString(),
                      rs.getString("rule"),
                      rs.getBigDecimal("parts_amount").stripTrailingZeros().toPlainString(),
                      rs.getBigDecimal("parts_base").stripTrailingZeros().toPlainString(),
                      rs.getString("part_rows")));
    }
  }

  /**
   * Serialises uploads that touch the same indicators, in a fixed order so two uploads cannot
   * deadlock: revision numbers stay consecutive and two new cells never collide.
   */
  void lockIndicators(Connection c, Long[] indicators) throws SQLException {
    try (var s =
        NamedStatement.prepare(
            c,
            "SELECT pg_advisory_xact_lock(i) FROM"
                + " (SELECT DISTINCT i FROM unnest(:indicators) AS u(i) ORDER BY 1) l")) {
      s.setArray("indicators", "bigint", indicators).list(rs -> 1); // each row is one lock taken
    }
  }

  /** Those of these indicators that have a stored cell (one probe of the primary key each). */
  java.util.Set<Long> storedIndicators(Connection c, Long[] indicators) throws SQLException {
    try (var s =
        NamedStatement.prepare(
            c,
            "SELECT u.i FROM unnest(:indicators) AS u(i)"
                + " WHERE EXISTS (SELECT 1 FROM measurement m WHERE m.indicator_id = u.i)")) {
      return new java.util.HashSet<>(
          s.setArray("indicators", "bigint", indicators).list(rs -> rs.getLong("i")));
    }
  }

  /** Territories with parts (a district and its corregimientos): a row of one is a total. */
  /** Each territory that has a parent, with its parent (corregimiento → district, barrio → …). */
  java.util.Map<Long, Long> territoryParents(Connection c) throws SQLException {
    try (var s =
        NamedStatement.prepare(
            c, "SELECT id, parent_id FROM territory WHERE parent_id IS NOT NULL")) {
      var parents = new java.util.HashMap<Long, Long>();
      for (long[] p : s.list(rs -> new long[] {rs.getLong("id"), rs.getLong("parent_id")})) {
        parents.put(p[0], p[1]);
      }
      return parents;
    }
  }

  /** Whether any cell of these indicators is stored (by the primary key's leading column). */
  boolean anyStored(Connection c, Long[] indicators) throws SQLException {
    try (var s =
        NamedStatement.prepare(
            c, "SELECT 1 FROM measurement WHERE indicator_id = ANY(:indicators) LIMIT 1")) {
      return s.setArray("indicators", "bigint", indicators).exists();
    }
  }

  /** Changed values become revisions: the old value, who made it and when stay in history. */
  /** The stored figures the staged rows change, in row order (before {@link #revise}). */
  List<Revision> revisions(Connection c, int limit) throws SQLException {
    String query =
        "SELECT s.row_number, i.code AS indicator, i.frequency, s.period_start, s.sex,"
            + " t.code AS territory, m.value AS old_value, s.value AS new_value,"
            + " m.numerator AS old_numerator, s.numerator AS new_numerator,"
            + " m.denominator AS old_denominator, s.denominator AS new_denominator"
            + " FROM measurement_staging s JOIN measurement m ON "
            + SAME_CELL
            + " JOIN indicator i ON i.id = s.indicator_id JOIN territory t ON t.id = s.territory_id"
            + " WHERE (m.value, m.numerator, m.denominator)"
            + " IS DISTINCT FROM (s.value, s.numerator, s.denominator)"
            + " ORDER BY s.row_number LIMIT :limit";
    try (var st = NamedStatement.prepare(c, query)) {
      return st.setInt("limit", limit)
          .list(
              r ->
                  new Revision(
                      r.getLong("row_number"),
                      r.getString("indicator"),
                      org.atalaya.indicator.Frequency.valueOf(r.getString("frequency"))
                          .label(r.getDate("period_start").toLocalDate()),
                      r.getString("sex"),
                      r.getString("territory"),
                      PlainDecimals.plain(r.getBigDecimal("old_value")),
                      PlainDecimals.plain(r.getBigDecimal("new_value")),
                      plain(r.getBigDecimal("old_numerator")),
                      plain(r.getBigDecimal("new_numerator")),
                      plain(r.getBigDecimal("old_denominator")),
                      plain(r.getBigDecimal("new_denominator"))));
    }
  }

  private static java.math.BigDecimal plain(java.math.BigDecimal n) {
    return n == null ? null : PlainDecimals.plain(n);
  }

  long revise(Connection c, String user, String reason) throws SQLException {
    String history =
        "INSERT INTO measurement_revision (indicator_id, period_start, sex, territory_id,"
            + " age_group, source_id, revision, old_value, old_numerator, old_denominator,"
            + " old_status, old_recorded_by, old_recorded_at, new_value, new_numerator,"
            + " new_denominator, new_status, changed_by, reason)"
            + " SELECT m.indicator_id, m.period_start, m.sex, m.territory_id, m.age_group,"
            + " m.source_id, m.revision + 1, m.value, m.numerator, m.denominator, m.status,"
            + " m.recorded_by, m.recorded_at, s.value, s.numerator, s.denominator, s.status, :user,"
            + " :reason"
            + " FROM measurement_staging s JOIN measurement m ON "
            + SAME_CELL
            + " WHERE "
            + CHANGED;
    String change =
        "UPDATE measurement m SET value = s.value, numerator = s.numerator,"
            + " denominator = s.denominator, status = s.status, revision = m.revision + 1,"
            + " recorded_by = :user, recorded_at = now() FROM measurement_staging s WHERE "
            + SAME_CELL
            + " AND "
            + CHANGED;
    try (var h = NamedStatement.prepare(c, history);
        var u = NamedStatement.prepare(c, change)) {
      h.setString("user", user).setString("reason", reason).executeUpdate();
      return u.setString("user", user).executeUpdate();
    }
  }

  /**
   * @param stored whether the indicators had cells already; if not (checked under the upload's
   *     locks) every staged row is new and the insert needs no conflict check
   */
  long insertNew(Connection c, String user, boolean stored) throws SQLException {
    String insert =
        "INSERT INTO measurement (indicator_id, period_start, sex, territory_id, age_group,"
            + " source_id, value, numerator, denominator, status, recorded_by)"
            + " SELECT s.indicator_id, s.period_start, s.sex, s.territory_id, s.age_group,"
            + " s.source_id, s.value, s.numerator, s.denominator, s.status, :user"
            // Cells already stored were revised or left unchanged just before; skipping them on
            // conflict avoids an anti-join the planner can turn quadratic on a just-analysed
            // empty table. Uploads of one indicator are serialised, so no row is lost here.
            + " FROM measurement_staging s"
            + (stored ? " ON CONFLICT (" + KEY + ") DO NOTHING" : "");
    try (var s = NamedStatement.prepare(c, insert)) {
      return s.setString("user", user).executeUpdate();
    }
  }

  private static long count(Connection c, String query) throws SQLException {
    try (var s = c.createStatement();
        var rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong("n");
    }
  }

  private static void update(Connection c, String statement) throws SQLException {
    try (var s = c.createStatement()) {
      s.executeUpdate(statement);
    }
  }
}
