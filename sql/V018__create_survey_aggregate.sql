-- Published figures entered by hand when no microdata exist: one estimate per wave, item (and value
-- for proportions) and domain cell, with its standard error or interval and its sample size.
CREATE TABLE survey_aggregate (
  wave_id    bigint       NOT NULL REFERENCES survey_wave (id) ON DELETE CASCADE,
  item       varchar(80)  NOT NULL,
  kind       varchar(12)  NOT NULL CHECK (kind IN ('PROPORTION', 'MEAN', 'TOTAL')),
  value_code varchar(80)  NOT NULL DEFAULT '',
  sex        varchar(2)   NOT NULL DEFAULT '_T' CHECK (sex IN ('F', 'M', '_T')),
  territory  varchar(40)  NOT NULL DEFAULT '_T',
  estimate   double precision NOT NULL,
  se         double precision CHECK (se >= 0),
  ci_lower   double precision,
  ci_upper   double precision,
  n          bigint       NOT NULL CHECK (n >= 0),
  df         integer      CHECK (df >= 0),
  PRIMARY KEY (wave_id, item, kind, value_code, sex, territory)
);
