-- A target is a series too: baseline, milestones, final value. sex '_T' and the district are the
-- total; a target set only for the total of an intensive indicator applies to every cell.
CREATE TABLE target (
  id               bigserial PRIMARY KEY,
  indicator_id     bigint NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
  sex              varchar(2) NOT NULL DEFAULT '_T' CHECK (sex IN ('F', 'M', '_U', '_T')),
  territory_id     bigint NOT NULL REFERENCES territory (id),
  baseline_period  date NOT NULL,
  baseline_value   numeric(20, 6) NOT NULL,
  final_date       date NOT NULL,
  final_value      numeric(20, 6) NOT NULL,
  UNIQUE (indicator_id, sex, territory_id),
  CHECK (final_date > baseline_period)
);

CREATE TABLE target_milestone (
  target_id bigint NOT NULL REFERENCES target (id) ON DELETE CASCADE,
  period    date NOT NULL,
  value     numeric(20, 6) NOT NULL,
  PRIMARY KEY (target_id, period)
);
