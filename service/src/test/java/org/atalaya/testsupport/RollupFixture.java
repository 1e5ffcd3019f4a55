package org.atalaya.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A plan of its own in La Chorrera (written by SQL, for a test's transaction to roll back): four
 * monthly indicators by sex (two counts, a rate per 100 000 and a percentage, with numerators and
 * denominators) and 24 months of 2024–2025 in every corregimiento, shaped so that every way of
 * making the district's figure occurs. Everyone's figure with women's and men's (20 months); women
 * and men only (June 2024, October 2025); everyone's missing one corregimiento while women's and
 * men's are whole (November 2025); women only (December 2025).
 */
public final class RollupFixture {
  public static final int MONTHS_WITH_EVERYONE = 21;
  public static final int INDICATORS = 4;

  private RollupFixture() {}

  /** Writes the plan {@code code} (indicators {@code code-1} to {@code code-4}). */
  public static void write(Connection c, String code) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          """
          INSERT INTO plan (code, name, territory_id, period_start, period_end)
            SELECT '%1$s', 'Plan de prueba', id, DATE '2024-01-01', DATE '2026-12-31'
            FROM territory WHERE code = 'LCH';
          INSERT INTO axis (plan_id, code, name, position)
            SELECT id, '%1$s-E', 'Eje', 1 FROM plan WHERE code = '%1$s';
          INSERT INTO action_card (plan_id, axis_id, code, title, problem, general_objective,
                                   position)
            SELECT x.plan_id, x.id, '%1$s-F', 'Ficha', 'Problema', 'Objetivo', 1
            FROM axis x WHERE x.code = '%1$s-E';
          INSERT INTO indicator (code, name, kind, rate_base, unit, direction, frequency,
                                 accumulation, by_sex, by_territory, source_kind, action_card_id)
            SELECT '%1$s-' || n, 'Indicador ' || n, k.kind, k.base, k.unit, 'DECREASE', 'MONTHLY',
                   'PERIODIC', true, true, 'ADMINISTRATIVE',
                   (SELECT id FROM action_card WHERE code = '%1$s-F')
            FROM (VALUES (1, 'COUNT', NULL, 'casos'), (2, 'COUNT', NULL, 'casos'),
                         (3, 'RATE', 100000, 'por 100 000 hab.'), (4, 'PROPORTION', NULL, '%%'))
                 k(n, kind, base, unit);
          INSERT INTO indicator_source (indicator_id, code, name, official)
            SELECT id, 'OFICIAL', 'Fuente oficial', true FROM indicator
            WHERE code LIKE '%1$s-_';
          INSERT INTO measurement (indicator_id, source_id, period_start, sex, territory_id,
                                   value, numerator, denominator, recorded_by)
          SELECT i.id, src.id, (DATE '2024-01-01' + make_interval(months => m))::date, x.sex,
                 t.id,
                 CASE WHEN i.kind = 'COUNT' THEN cases
                      WHEN i.kind = 'RATE' THEN round(cases * 100000.0 / people, 6)
                      ELSE round(cases * 100.0 / people, 6) END,
                 CASE WHEN i.kind <> 'COUNT' THEN cases END,
                 CASE WHEN i.kind <> 'COUNT' THEN people END,
                 'prueba'
          FROM indicator i
          JOIN indicator_source src ON src.indicator_id = i.id
          JOIN territory t ON t.parent_id = (SELECT id FROM territory WHERE code = 'LCH')
          CROSS JOIN generate_series(0, 23) m
          CROSS JOIN (VALUES ('F', 1), ('M', 2), ('_T', 3)) x(sex, k)
          CROSS JOIN LATERAL (
            SELECT CASE x.k WHEN 1 THEN f WHEN 2 THEN g ELSE f + g END AS cases,
                   2000 + (t.id * 37) %% 3000 AS people
            FROM (SELECT 5 + (i.id * 7 + t.id * 13 + m * 3) %% 20 AS f,
                         4 + (i.id * 11 + t.id * 5 + m * 7) %% 17 AS g) v) c
          WHERE i.code LIKE '%1$s-_'
            AND NOT (x.sex = '_T' AND m IN (5, 21, 23))
            AND NOT (x.sex = '_T' AND m = 22 AND t.code = 'LCH-18')
            AND NOT (x.sex = 'M' AND m = 23);
          """
              .formatted(code));
    }
  }
}
