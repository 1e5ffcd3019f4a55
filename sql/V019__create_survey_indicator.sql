-- An indicator fed by a survey item, and the interval, standard error, sample size and reliability
-- of every measurement a published wave wrote for it (the measurement holds the value only).
CREATE TABLE survey_indicator (
  indicator_id bigint      PRIMARY KEY REFERENCES indicator (id) ON DELETE CASCADE,
  survey_id    bigint      NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
  item         varchar(80) NOT NULL,
  kind         varchar(12) NOT NULL CHECK (kind IN ('PROPORTION', 'MEAN', 'TOTAL')),
  value_code   varchar(80) NOT NULL DEFAULT '',
  weight       varchar(80),
  scale        double precision NOT NULL DEFAULT 1 CHECK (scale > 0)
);

CREATE TABLE survey_indicator_cell (
  indicator_id bigint      NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
  wave_id      bigint      NOT NULL REFERENCES survey_wave (id) ON DELETE CASCADE,
  sex          varchar(2)  NOT NULL,
  territory    varchar(40) NOT NULL,
  estimate     double precision,
  se           double precision,
  ci_lower     double precision,
  ci_upper     double precision,
  deff         double precision,
  cv           double precision,
  n            bigint      NOT NULL,
  df           integer,
  reliability  varchar(20),
  no_interval  varchar(30),
  suppressed   boolean     NOT NULL,
  PRIMARY KEY (indicator_id, wave_id, sex, territory)
);
