package org.atalaya.bench;

import static org.atalaya.bench.Figures.seconds;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The first {@code n} districts of a {@link NationalShape}, written by SQL into a database the
 * service has migrated (with its demo plan): province NP, districts ND-01.., their corregimientos
 * ND-01-01.., one published plan per district (NAC-01..) with 5 axes × 3 action cards and its own
 * indicators N01-001.. (half counts, three in ten rates per 100 000, two in ten percentages with
 * numerators and denominators), each with a district target, and validated monthly values 2020–2024
 * for women, men and everyone in every corregimiento of the plan's district. Values are a fixed
 * function of indicator, place and month. The measurements go in as a bulk load (triggers off, keys
 * and indexes rebuilt once) and measurement_rollup is then built once, as its migration builds it
 * for existing rows.
 */
final class NationalData {
  static final String INDICATOR_PATTERN = "^N[0-9]{2}-[0-9]{3}$";
  static final String DISTRICT_PATTERN = "^ND-[0-9]{2}$";

  private NationalData() {}

  /** Loads; returns each step's wall time in seconds, in order. */
  static Map<String, Double> load(DataSource dataSource, NationalShape shape, int n)
      throws SQLException {
    Map<String, Double> steps = new LinkedHashMap<>();
    int base = shape.corregimientos() / shape.districts();
    int extra = shape.corregimientos() % shape.districts();
    int perAxis = shape.indicatorsPerPlan() / 5;
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      long t0 = System.nanoTime();
      s.execute(
          """
          INSERT INTO territory (code, name, level) VALUES ('NP', 'Provincia de prueba', 'PROVINCE');
          INSERT INTO territory (code, name, level, parent_id)
            SELECT 'ND-' || lpad(d::text, 2, '0'), 'Distrito ' || d, 'DISTRICT',
                   (SELECT id FROM territory WHERE code = 'NP')
            FROM generate_series(1, %1$d) d;
          INSERT INTO territory (code, name, level, parent_id)
            SELECT 'ND-' || lpad(d::text, 2, '0') || '-' || lpad(k::text, 2, '0'),
                   'Corregimiento ' || d || '-' || k, 'CORREGIMIENTO', t.id
            FROM generate_series(1, %1$d) d
            JOIN territory t ON t.code = 'ND-' || lpad(d::text, 2, '0')
            CROSS JOIN LATERAL generate_series(1, %2$d + CASE WHEN d <= %3$d THEN 1 ELSE 0 END) k;
          INSERT INTO plan (code, name, territory_id, period_start, period_end, status)
            SELECT 'NAC-' || substr(t.code, 4), 'Plan del ' || t.name, t.id, DATE '2020-01-01',
                   DATE '2026-12-31', 'PUBLISHED'
            FROM territory t WHERE t.code ~ '%5$s';
          INSERT INTO axis (plan_id, code, name, position)
            SELECT p.id, 'EJE-' || a, 'Eje ' || a, a FROM plan p, generate_series(1, 5) a
            WHERE p.code ~ '^NAC-';
          INSERT INTO action_card (plan_id, axis_id, code, title, problem, general_objective,
                                   position)
            SELECT x.plan_id, x.id, 'F-' || x.position || '-' || k, 'Ficha ' || k, 'Problema',
                   'Objetivo', k
            FROM axis x JOIN plan p ON p.id = x.plan_id, generate_series(1, 3) k
            WHERE p.code ~ '^NAC-';
          INSERT INTO indicator (code, name, kind, rate_base, unit, direction, frequency,
                                 accumulation, by_sex, by_territory, source_kind, action_card_id)
            SELECT 'N' || substr(p.code, 5) || '-' || lpad(n::text, 3, '0'), 'Indicador ' || n,
                   CASE WHEN n %% 10 < 5 THEN 'COUNT' WHEN n %% 10 < 8 THEN 'RATE'
                        ELSE 'PROPORTION' END,
                   CASE WHEN n %% 10 BETWEEN 5 AND 7 THEN 100000 END,
                   CASE WHEN n %% 10 < 5 THEN 'casos' WHEN n %% 10 < 8 THEN 'por 100 000 hab.'
                        ELSE '%%' END,
                   CASE WHEN n %% 3 = 0 THEN 'INCREASE' ELSE 'DECREASE' END,
                   'MONTHLY', 'PERIODIC', true, true, 'ADMINISTRATIVE', c.id
            FROM plan p CROSS JOIN generate_series(1, %4$d) n
            JOIN action_card c ON c.plan_id = p.id
              AND c.code = 'F-' || ((n - 1) %% 5 + 1) || '-' || ((n - 1) / 5 %% 3 + 1)
            WHERE p.code ~ '^NAC-';
          INSERT INTO indicator_source (indicator_id, code, name, official)
            SELECT id, 'OFICIAL', 'Fuente oficial', true FROM indicator WHERE code ~ '%6$s';
          """
              .formatted(n, base, extra, perAxis * 5, DISTRICT_PATTERN, INDICATOR_PATTERN));
      steps.put("plans, indicators, territories", seconds(System.nanoTime() - t0));
      t0 = System.nanoTime();
      // A bulk load: no triggers, keys and indexes built once afterwards rather than row by row.
      s.execute("SET maintenance_work_mem = '512MB'");
      s.execute("SET synchronous_commit = off");
      s.execute("ALTER TABLE measurement DROP CONSTRAINT measurement_pkey");
      s.execute("DROP INDEX measurement_place_idx");
      s.execute("SET session_replication_role = replica");
      s.execute(
          """
          INSERT INTO measurement (indicator_id, source_id, period_start, sex, territory_id,
                                   value, numerator, denominator, status, recorded_by)
          SELECT i.id, src.id, (DATE '2020-01-01' + make_interval(months => m))::date, x.sex,
                 t.id,
                 CASE WHEN i.kind = 'COUNT' THEN cases
                      WHEN i.kind = 'RATE' THEN round(cases * 100000.0 / people, 6)
                      ELSE round(cases * 100.0 / people, 6) END,
                 CASE WHEN i.kind <> 'COUNT' THEN cases END,
                 CASE WHEN i.kind <> 'COUNT' THEN people END,
                 'VALIDATED', 'bench'
          FROM indicator i
          JOIN indicator_source src ON src.indicator_id = i.id
          JOIN action_card c ON c.id = i.action_card_id
          JOIN plan p ON p.id = c.plan_id
          JOIN territory t ON t.parent_id = p.territory_id
          CROSS JOIN generate_series(0, %d) m
          CROSS JOIN (VALUES ('F', 1), ('M', 2), ('_T', 3)) x(sex, k)
          CROSS JOIN LATERAL (
            SELECT CASE WHEN x.k = 3 THEN f + g ELSE CASE x.k WHEN 1 THEN f ELSE g END END
                     AS cases,
                   2000 + (t.id * 37) %% 3000 AS people
            FROM (SELECT 5 + (i.id * 7 + t.id * 13 + m * 3) %% 20 AS f,
                         4 + (i.id * 11 + t.id * 5 + m * 7) %% 17 AS g) v) q
          WHERE i.code ~ '%s' AND p.code ~ '^NAC-'
          """
              .formatted(NationalShape.MONTHS - 1, INDICATOR_PATTERN));
      s.execute("SET session_replication_role = origin");
      steps.put("measurements (INSERT … SELECT)", seconds(System.nanoTime() - t0));
      t0 = System.nanoTime();
      s.execute(
          "ALTER TABLE measurement ADD PRIMARY KEY"
              + " (indicator_id, source_id, period_start, sex, territory_id, age_group)");
      s.execute(
          "CREATE INDEX measurement_place_idx ON measurement"
              + " (indicator_id, source_id, territory_id, sex, period_start)");
      steps.put("primary key and place index", seconds(System.nanoTime() - t0));
      t0 = System.nanoTime();
      s.execute(
          """
          INSERT INTO measurement_rollup
          SELECT m.indicator_id, m.source_id, m.period_start, m.sex, t.parent_id, sum(m.value),
                 sum(m.numerator), sum(m.denominator), count(*),
                 count(*) FILTER (WHERE m.numerator IS NULL OR m.denominator IS NULL),
                 bool_and(m.status = 'VALIDATED')
          FROM measurement m JOIN territory t ON t.id = m.territory_id
          JOIN territory d ON d.id = t.parent_id
          WHERE m.age_group = '_T' AND d.code ~ '%s'
          GROUP BY m.indicator_id, m.source_id, m.period_start, m.sex, t.parent_id
          """
              .formatted(DISTRICT_PATTERN));
      // Targets: from the district's first month, 20 % better by the end of 2026.
      s.execute(
          """
          INSERT INTO target (indicator_id, sex, territory_id, baseline_period, baseline_value,
                              final_date, final_value)
          SELECT i.id, '_T', r.parent_id, DATE '2020-01-01', b.v, DATE '2026-12-01',
                 round(b.v * CASE i.direction WHEN 'INCREASE' THEN 1.2 ELSE 0.8 END, 6)
          FROM indicator i
          JOIN measurement_rollup r ON r.indicator_id = i.id AND r.sex = '_T'
                                   AND r.period_start = DATE '2020-01-01'
          CROSS JOIN LATERAL (
            SELECT round(CASE i.kind WHEN 'COUNT' THEN r.value
                                     WHEN 'RATE' THEN r.numerator * 100000 / r.denominator
                                     ELSE r.numerator * 100 / r.denominator END, 6) AS v) b
          WHERE i.code ~ '%s'
          """
              .formatted(INDICATOR_PATTERN));
      // The bulk load bypassed the data-version trigger: say that the data changed.
      s.execute(
          "INSERT INTO data_change (txid) VALUES (txid_current()) ON CONFLICT (txid) DO NOTHING");
      steps.put("rollup and targets", seconds(System.nanoTime() - t0));
      t0 = System.nanoTime();
      s.execute("VACUUM ANALYZE measurement");
      s.execute("VACUUM ANALYZE measurement_rollup");
      s.execute("ANALYZE");
      steps.put("VACUUM ANALYZE", seconds(System.nanoTime() - t0));
    }
    return steps;
  }

  /** Rows of the database's measurement table, and its size on disk. */
  static long[] countAndSize(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        var rs =
            s.executeQuery(
                "SELECT (SELECT count(*) FROM measurement),"
                    + " pg_database_size(current_database())")) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2)};
    }
  }
}
