-- What is measured: one indicator of the plan, defined once, measured many times.
CREATE TABLE indicator (
  id                     bigserial PRIMARY KEY,
  code                   varchar(40)  NOT NULL UNIQUE,
  name                   varchar(300) NOT NULL,
  description            text,
  kind                   varchar(12) NOT NULL CHECK (kind IN ('COUNT', 'RATE', 'PROPORTION', 'MEAN', 'INDEX')),
  rate_base              integer CHECK (rate_base > 0),
  unit                   varchar(60) NOT NULL,
  direction              varchar(10) NOT NULL CHECK (direction IN ('INCREASE', 'DECREASE', 'MAINTAIN')),
  tolerance              numeric(18, 6) CHECK (tolerance >= 0),
  frequency              varchar(10) NOT NULL CHECK (frequency IN ('MONTHLY', 'QUARTERLY', 'ANNUAL')),
  accumulation           varchar(10) NOT NULL CHECK (accumulation IN ('PERIODIC', 'CUMULATIVE', 'STOCK')),
  by_sex                 boolean NOT NULL DEFAULT false,
  by_territory           boolean NOT NULL DEFAULT false,
  by_age_group           boolean NOT NULL DEFAULT false,
  numerator_definition   text,
  denominator_definition text,
  source_kind            varchar(16) NOT NULL CHECK (source_kind IN ('ADMINISTRATIVE', 'SURVEY', 'MANUAL')),
  institution_id         bigint REFERENCES institution (id),
  action_card_id         bigint REFERENCES action_card (id) ON DELETE SET NULL,
  CHECK ((kind = 'RATE') = (rate_base IS NOT NULL))
);
CREATE INDEX indicator_action_idx ON indicator (action_card_id);

-- Several sources may report one indicator (police, prosecutor, forensic medicine, survey); each
-- keeps its own series and exactly one is official for progress.
CREATE TABLE indicator_source (
  id             bigserial PRIMARY KEY,
  indicator_id   bigint NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
  code           varchar(40)  NOT NULL,
  name           varchar(300) NOT NULL,
  institution_id bigint REFERENCES institution (id),
  official       boolean NOT NULL DEFAULT false,
  UNIQUE (indicator_id, code)
);
CREATE UNIQUE INDEX indicator_source_one_official ON indicator_source (indicator_id) WHERE official;
