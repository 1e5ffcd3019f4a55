-- The sums of each territory's parts (its corregimientos) by indicator, source, period and sex: what a
-- district figure is rebuilt from when it is not stored (DESIGN: disaggregation and totals). Progress
-- reads these instead of the raw rows, so a whole plan costs one row per indicator and period, however
-- many corregimientos there are.
--
-- TimescaleDB: a continuous aggregate (real-time, so rows above the materialised range count too). A
-- refresh cannot run inside a transaction, so the service refreshes it after every committed upload,
-- and a policy catches writes made outside the service.
-- Plain PostgreSQL: a table kept by statement triggers, inside the writing transaction.
-- Both have the same columns and give the same answers.

-- People of a territory, sex and year from the census table ('_T': everyone); null when not loaded.
CREATE FUNCTION atalaya_people(territory bigint, period date, sex varchar) RETURNS numeric
LANGUAGE sql STABLE AS $$
  SELECT sum(p.population)::numeric FROM territory_population p
  WHERE p.territory_id = territory AND p.year = extract(year FROM period)
    AND (p.sex = atalaya_people.sex OR atalaya_people.sex = '_T')
$$;

CREATE FUNCTION atalaya_make_measurement_rollup() RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
  IF atalaya_timescale_enabled() THEN
    BEGIN
      EXECUTE $q$
        CREATE MATERIALIZED VIEW measurement_rollup
        WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS
        SELECT m.indicator_id, m.source_id,
               time_bucket(INTERVAL '1 day', m.period_start) AS period_start,
               m.sex, t.parent_id,
               sum(m.value) AS value, sum(m.numerator) AS numerator,
               sum(m.denominator) AS denominator, count(*) AS cells,
               count(*) FILTER (WHERE m.numerator IS NULL OR m.denominator IS NULL)
                 AS cells_without_fraction,
               bool_and(m.status = 'VALIDATED') AS validated
        FROM measurement m JOIN territory t ON t.id = m.territory_id
        WHERE m.age_group = '_T'
        GROUP BY m.indicator_id, m.source_id, time_bucket(INTERVAL '1 day', m.period_start),
                 m.sex, t.parent_id
        WITH NO DATA
      $q$;
      PERFORM add_continuous_aggregate_policy('measurement_rollup', start_offset => NULL,
                                              end_offset => NULL,
                                              schedule_interval => INTERVAL '1 hour');
      RETURN 'continuous aggregate';
    EXCEPTION WHEN OTHERS THEN
      -- An Apache-only build has no continuous aggregates; hypertables refuse the transition
      -- tables the triggers below need. A plain view still gives the same answers, unaggregated.
      RAISE NOTICE 'measurement_rollup: no continuous aggregate (%), using a view', SQLERRM;
    END;
    CREATE VIEW measurement_rollup AS
    SELECT m.indicator_id, m.source_id, m.period_start, m.sex, t.parent_id,
           sum(m.value) AS value, sum(m.numerator) AS numerator,
           sum(m.denominator) AS denominator, count(*) AS cells,
           count(*) FILTER (WHERE m.numerator IS NULL OR m.denominator IS NULL)
             AS cells_without_fraction,
           bool_and(m.status = 'VALIDATED') AS validated
    FROM measurement m JOIN territory t ON t.id = m.territory_id
    WHERE m.age_group = '_T' AND t.parent_id IS NOT NULL
    GROUP BY m.indicator_id, m.source_id, m.period_start, m.sex, t.parent_id;
    RETURN 'view';
  END IF;

  CREATE TABLE measurement_rollup (
    indicator_id           bigint NOT NULL,
    source_id              bigint NOT NULL,
    period_start           date NOT NULL,
    sex                    varchar(2) NOT NULL,
    parent_id              bigint NOT NULL,
    value                  numeric,
    numerator              numeric,
    denominator            numeric,
    cells                  bigint NOT NULL,
    cells_without_fraction bigint NOT NULL,
    validated              boolean NOT NULL,
    PRIMARY KEY (indicator_id, source_id, parent_id, sex, period_start)
  );
  CREATE TRIGGER measurement_rollup_insert AFTER INSERT ON measurement
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION atalaya_rollup_after_insert();
  CREATE TRIGGER measurement_rollup_update AFTER UPDATE ON measurement
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION atalaya_rollup_after_update();
  CREATE TRIGGER measurement_rollup_delete AFTER DELETE ON measurement
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION atalaya_rollup_after_delete();
  RETURN 'table kept by triggers';
END
$$;

-- Recomputes the groups named by parallel arrays (one entry per group) from the raw rows.
CREATE FUNCTION atalaya_rollup_recompute(
  indicators bigint[], sources bigint[], periods date[], sexes varchar[], parents bigint[])
RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM measurement_rollup r
  USING unnest(indicators, sources, periods, sexes, parents) AS k(i, s, p, x, t)
  WHERE r.indicator_id = k.i AND r.source_id = k.s AND r.period_start = k.p AND r.sex = k.x
    AND r.parent_id = k.t;
  INSERT INTO measurement_rollup
  SELECT k.i, k.s, k.p, k.x, k.t, sum(m.value), sum(m.numerator), sum(m.denominator), count(*),
         count(*) FILTER (WHERE m.numerator IS NULL OR m.denominator IS NULL),
         bool_and(m.status = 'VALIDATED')
  FROM (SELECT DISTINCT * FROM unnest(indicators, sources, periods, sexes, parents)) AS k(i, s, p, x, t)
  JOIN measurement m ON m.indicator_id = k.i AND m.source_id = k.s AND m.period_start = k.p
                    AND m.sex = k.x AND m.age_group = '_T'
  JOIN territory c ON c.id = m.territory_id AND c.parent_id = k.t
  GROUP BY k.i, k.s, k.p, k.x, k.t;
END
$$;

CREATE FUNCTION atalaya_rollup_after_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM atalaya_rollup_recompute(array_agg(i), array_agg(s), array_agg(p), array_agg(x), array_agg(t))
  FROM (SELECT DISTINCT c.indicator_id, c.source_id, c.period_start, c.sex, t.parent_id
        FROM new_rows c JOIN territory t ON t.id = c.territory_id
        WHERE c.age_group = '_T' AND t.parent_id IS NOT NULL) AS k(i, s, p, x, t);
  RETURN NULL;
END
$$;

CREATE FUNCTION atalaya_rollup_after_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM atalaya_rollup_recompute(array_agg(i), array_agg(s), array_agg(p), array_agg(x), array_agg(t))
  FROM (SELECT c.indicator_id, c.source_id, c.period_start, c.sex, t.parent_id
        FROM new_rows c JOIN territory t ON t.id = c.territory_id
        WHERE c.age_group = '_T' AND t.parent_id IS NOT NULL
        UNION
        SELECT b.indicator_id, b.source_id, b.period_start, b.sex, t.parent_id
        FROM old_rows b JOIN territory t ON t.id = b.territory_id
        WHERE b.age_group = '_T' AND t.parent_id IS NOT NULL) AS k(i, s, p, x, t);
  RETURN NULL;
END
$$;

CREATE FUNCTION atalaya_rollup_after_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM atalaya_rollup_recompute(array_agg(i), array_agg(s), array_agg(p), array_agg(x), array_agg(t))
  FROM (SELECT DISTINCT b.indicator_id, b.source_id, b.period_start, b.sex, t.parent_id
        FROM old_rows b JOIN territory t ON t.id = b.territory_id
        WHERE b.age_group = '_T' AND t.parent_id IS NOT NULL) AS k(i, s, p, x, t);
  RETURN NULL;
END
$$;

SELECT atalaya_make_measurement_rollup();

-- Rows already stored (a database migrated with data) enter the table once.
DO $$
BEGIN
  IF NOT atalaya_timescale_enabled() THEN
    INSERT INTO measurement_rollup
    SELECT m.indicator_id, m.source_id, m.period_start, m.sex, t.parent_id, sum(m.value),
           sum(m.numerator), sum(m.denominator), count(*),
           count(*) FILTER (WHERE m.numerator IS NULL OR m.denominator IS NULL),
           bool_and(m.status = 'VALIDATED')
    FROM measurement m JOIN territory t ON t.id = m.territory_id
    WHERE m.age_group = '_T' AND t.parent_id IS NOT NULL
    GROUP BY m.indicator_id, m.source_id, m.period_start, m.sex, t.parent_id;
  END IF;
END
$$;
