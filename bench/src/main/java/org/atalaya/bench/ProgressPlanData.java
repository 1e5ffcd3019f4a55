package org.atalaya.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A plan at one scale, written by SQL into a database the service has migrated: district BD with
 * {@code places} corregimientos, plan BENCH with 5 axes × 8 action cards × 5 indicators (200), half
 * counts, three in ten rates per 100 000 and two in ten percentages (with numerators and
 * denominators), each with a district target (20 % better than its first month by 2025), and
 * monthly values for women, men and everyone in every corregimiento from 2021 to 2025. Values are a
 * fixed function of indicator, place and month, so two runs load the same numbers. The rows go in
 * with triggers off (a bulk load), and measurement_rollup is then built once, as the migration
 * builds it for existing rows.
 */
final class ProgressPlanData {
  static final String PLAN = "BENCH";
  static final int INDICATORS = 200;
  static final int MONTHS = 60;

  private ProgressPlanData() {}

  static long rows(int places) {
    return (long) INDICATORS * places * 3 * MONTHS;
  }

  static void load(DataSource dataSource, int places) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.execute(
          """
          INSERT INTO territory (code, name, level) VALUES ('BD', 'Distrito de prueba', 'DISTRICT');
          INSERT INTO territory (code, name, level, parent_id)
            SELECT 'BD-' || lpad(n::text, 4, '0'), 'Corregimiento ' || n, 'CORREGIMIENTO',
                   (SELECT id FROM territory WHERE code = 'BD')
            FROM generate_series(1, %d) n;
          INSERT INTO plan (code, name, territory_id, period_start, period_end)
            SELECT 'BENCH', 'Plan de prueba', id, DATE '2021-01-01', DATE '2025-12-31'
            FROM territory WHERE code = 'BD';
          INSERT INTO axis (plan_id, code, name, position)
            SELECT p.id, 'EJE-' || a, 'Eje ' || a, a FROM plan p, generate_series(1, 5) a
            WHERE p.code = 'BENCH';
          INSERT INTO action_card (plan_id, axis_id, code, title, problem, general_objective,
                                   position)
            SELECT x.plan_id, x.id, 'F-' || x.position || '-' || k, 'Ficha ' || k, 'Problema',
                   'Objetivo', k
            FROM axis x JOIN plan p ON p.id = x.plan_id, generate_series(1, 8) k
            WHERE p.code = 'BENCH';
          INSERT INTO indicator (code, name, kind, rate_base, unit, direction, frequency,
                                 accumulation, by_sex, by_territory, source_kind, action_card_id)
            SELECT 'BI-' || lpad(n::text, 3, '0'), 'Indicador ' || n,
                   CASE WHEN n %% 10 < 5 THEN 'COUNT' WHEN n %% 10 < 8 THEN 'RATE'
                        ELSE 'PROPORTION' END,
                   CASE WHEN n %% 10 BETWEEN 5 AND 7 THEN 100000 END,
                   CASE WHEN n %% 10 < 5 THEN 'casos' WHEN n %% 10 < 8 THEN 'por 100 000 hab.'
                        ELSE '%%' END,
                   CASE WHEN n %% 3 = 0 THEN 'INCREASE' ELSE 'DECREASE' END,
                   'MONTHLY', 'PERIODIC', true, true, 'ADMINISTRATIVE',
                   (SELECT c.id FROM action_card c JOIN plan p ON p.id = c.plan_id
                    WHERE p.code = 'BENCH' ORDER BY c.axis_id, c.position
                    OFFSET (n - 1) / 5 LIMIT 1)
            FROM generate_series(1, 200) n;
          INSERT INTO indicator_source (indicator_id, code, name, official)
            SELECT id, 'OFICIAL', 'Fuente oficial', true FROM indicator WHERE code LIKE 'BI-%%';
          """
              .formatted(places));
      // A bulk load: no triggers, every index built once afterwards rather than row by row.
      s.execute("SET maintenance_work_mem = '1GB'");
      s.execute("SET synchronous_commit = off");
      List<String> rebuild = dropIndexes(s);
      s.execute("SET session_replication_role = replica");
      s.execute(
          """
          INSERT INTO measurement (indicator_id, source_id, period_start, sex, territory_id,
                                   value, numerator, denominator, recorded_by)
          SELECT i.id, src.id, (DATE '2021-01-01' + make_interval(months => m))::date, x.sex,
                 t.id,
                 CASE WHEN i.kind = 'COUNT' THEN cases
                      WHEN i.kind = 'RATE' THEN round(cases * 100000.0 / people, 6)
                      ELSE round(cases * 100.0 / people, 6) END,
                 CASE WHEN i.kind <> 'COUNT' THEN cases END,
                 CASE WHEN i.kind <> 'COUNT' THEN people END,
                 'bench'
          FROM indicator i
          JOIN indicator_source src ON src.indicator_id = i.id
          CROSS JOIN territory t
          CROSS JOIN generate_series(0, 59) m
          CROSS JOIN (VALUES ('F', 1), ('M', 2), ('_T', 3)) x(sex, k)
          CROSS JOIN LATERAL (
            SELECT CASE WHEN x.k = 3 THEN f + g ELSE CASE x.k WHEN 1 THEN f ELSE g END END
                     AS cases,
                   2000 + (t.id * 37) % 3000 AS people
            FROM (SELECT 5 + (i.id * 7 + t.id * 13 + m * 3) % 20 AS f,
                         4 + (i.id * 11 + t.id * 5 + m * 7) % 17 AS g) v) c
          WHERE i.code LIKE 'BI-%' AND t.parent_id = (SELECT id FROM territory WHERE code = 'BD')
          """);
      s.execute("SET session_replication_role = origin");
      for (String statement : rebuild) {
        s.execute(statement);
      }
      s.execute(
          """
          INSERT INTO measurement_rollup
          SELECT m.indicator_id, m.source_id, m.period_start, m.sex, t.parent_id, sum(m.value),
                 sum(m.numerator), sum(m.denominator), count(*),
                 count(*) FILTER (WHERE m.numerator IS NULL OR m.denominator IS NULL),
                 bool_and(m.status = 'VALIDATED')
          FROM measurement m JOIN territory t ON t.id = m.territory_id
          WHERE m.age_group = '_T' AND t.parent_id = (SELECT id FROM territory WHERE code = 'BD')
          GROUP BY m.indicator_id, m.source_id, m.period_start, m.sex, t.parent_id
          """);
      // Targets: from the district's first month, 20 % better by the end of 2025.
      s.execute(
          """
          INSERT INTO target (indicator_id, sex, territory_id, baseline_period, baseline_value,
                              final_date, final_value)
          SELECT i.id, '_T', r.parent_id, DATE '2021-01-01', b.v, DATE '2025-12-01',
                 round(b.v * CASE i.direction WHEN 'INCREASE' THEN 1.2 ELSE 0.8 END, 6)
          FROM indicator i
          JOIN measurement_rollup r ON r.indicator_id = i.id AND r.sex = '_T'
                                   AND r.period_start = DATE '2021-01-01'
          CROSS JOIN LATERAL (
            SELECT round(CASE i.kind WHEN 'COUNT' THEN r.value
                                     WHEN 'RATE' THEN r.numerator * 100000 / r.denominator
                                     ELSE r.numerator * 100 / r.denominator END, 6) AS v) b
          WHERE i.code LIKE 'BI-%'
          """);
      s.execute("VACUUM ANALYZE measurement");
      s.execute("VACUUM ANALYZE measurement_rollup");
    }
  }

  /**
   * Drops every index of {@code measurement} (its primary key included, whatever migrations have
   * added since) and returns the statements that build them again, primary key first.
   */
  private static List<String> dropIndexes(Statement s) throws SQLException {
    List<String> rebuild = new ArrayList<>();
    List<String> drop = new ArrayList<>();
    try (ResultSet r =
        s.executeQuery(
            """
            SELECT c.conname, pg_get_constraintdef(c.oid)
            FROM pg_constraint c
            WHERE c.conrelid = 'measurement'::regclass AND c.contype IN ('p', 'u')
            ORDER BY c.contype, c.conname
            """)) {
      while (r.next()) {
        drop.add("ALTER TABLE measurement DROP CONSTRAINT " + r.getString(1));
        rebuild.add(
            "ALTER TABLE measurement ADD CONSTRAINT " + r.getString(1) + " " + r.getString(2));
      }
    }
    try (ResultSet r =
        s.executeQuery(
            """
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = current_schema() AND i.tablename = 'measurement'
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname
                              AND c.conrelid = 'measurement'::regclass)
            ORDER BY i.indexname
            """)) {
      while (r.next()) {
        drop.add("DROP INDEX " + r.getString(1));
        rebuild.add(r.getString(2));
      }
    }
    for (String statement : drop) {
      s.execute(statement);
    }
    return rebuild;
  }
}
