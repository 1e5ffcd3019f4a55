-- The current value of every cell: indicator × period × sex × territory × age group × source.
-- A hypertable on the period where TimescaleDB is present.
CREATE TABLE measurement (
  indicator_id bigint NOT NULL REFERENCES indicator (id),
  period_start date NOT NULL,
  sex          varchar(2) NOT NULL CHECK (sex IN ('F', 'M', '_U', '_T')),
  territory_id bigint NOT NULL REFERENCES territory (id),
  age_group    varchar(20) NOT NULL DEFAULT '_T',
  -- No cascades: a measurement outlives nothing it depends on; deleting a source in use is refused.
  source_id    bigint NOT NULL REFERENCES indicator_source (id),
  value        numeric(20, 6) NOT NULL,
  numerator    numeric(20, 6),
  denominator  numeric(20, 6),
  status       varchar(12) NOT NULL DEFAULT 'PROVISIONAL' CHECK (status IN ('PROVISIONAL', 'VALIDATED')),
  revision     integer NOT NULL DEFAULT 1,
  recorded_by  varchar(80) NOT NULL,
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (indicator_id, source_id, period_start, sex, territory_id, age_group)
);

SELECT atalaya_make_hypertable('measurement', 'period_start', INTERVAL '1 year', INTERVAL '3 years',
                               'indicator_id');

-- Nothing is overwritten silently: every change of a value keeps the old one, who and why.
CREATE TABLE measurement_revision (
  indicator_id    bigint NOT NULL,
  period_start    date NOT NULL,
  sex             varchar(2) NOT NULL,
  territory_id    bigint NOT NULL,
  age_group       varchar(20) NOT NULL,
  source_id       bigint NOT NULL,
  revision        integer NOT NULL,
  old_value       numeric(20, 6),
  old_numerator   numeric(20, 6),
  old_denominator numeric(20, 6),
  old_status      varchar(12),
  old_recorded_by varchar(80),
  old_recorded_at timestamptz,
  new_value       numeric(20, 6) NOT NULL,
  new_numerator   numeric(20, 6),
  new_denominator numeric(20, 6),
  new_status      varchar(12) NOT NULL,
  changed_by      varchar(80) NOT NULL,
  changed_at      timestamptz NOT NULL DEFAULT now(),
  reason          text
);
CREATE UNIQUE INDEX measurement_revision_cell_idx
  ON measurement_revision (indicator_id, source_id, period_start, sex, territory_id, age_group, revision);
