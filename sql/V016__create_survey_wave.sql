-- A round of a survey. Its figures come from microdata (respondents) or, where only published
-- tables exist, from aggregates an analyst typed in. Anonymous callers see published waves only.
CREATE TABLE survey_wave (
  id           bigserial PRIMARY KEY,
  survey_id    bigint       NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
  code         varchar(40)  NOT NULL,
  name         varchar(300) NOT NULL,
  period_start date         NOT NULL,
  period_end   date         NOT NULL CHECK (period_end >= period_start),
  published    boolean      NOT NULL DEFAULT false,
  -- what the last accepted upload was: file, sheet read, encoding detected, respondents
  loaded_file  varchar(300),
  loaded_sheet varchar(200),
  loaded_enc   varchar(20),
  respondents  integer      NOT NULL DEFAULT 0,
  variables    text[]       NOT NULL DEFAULT '{}',
  UNIQUE (survey_id, code)
);
