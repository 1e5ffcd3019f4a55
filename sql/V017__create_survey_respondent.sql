-- A wave's microdata, one row per respondent. Design fields are columns so that estimation reads
-- them without parsing; answers are one JSON object per respondent (variable -> code or number;
-- a select-multiple item appears as one 0/1 key per choice, "item/choice"). Never public.
CREATE TABLE survey_respondent (
  wave_id    bigint       NOT NULL REFERENCES survey_wave (id) ON DELETE CASCADE,
  row_no     integer      NOT NULL,
  respondent varchar(120) NOT NULL,
  weights    double precision[] NOT NULL,
  stratum    varchar(80),
  psu        varchar(80),
  sex        varchar(2) CHECK (sex IN ('F', 'M', '_U')),
  territory  varchar(40),
  age_group  varchar(40),
  answers    jsonb        NOT NULL,
  PRIMARY KEY (wave_id, row_no),
  UNIQUE (wave_id, respondent)
);
