-- A perception or victimisation survey: its questionnaire and design as one JSON document (the API's
-- own shape, validated before it is stored), and the column mappings saved for its files.
CREATE TABLE survey (
  id         bigserial PRIMARY KEY,
  code       varchar(40)  NOT NULL UNIQUE,
  name       varchar(300) NOT NULL,
  definition jsonb        NOT NULL
);

CREATE TABLE survey_mapping (
  survey_id bigint      NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
  name      varchar(80) NOT NULL,
  mapping   jsonb       NOT NULL,
  PRIMARY KEY (survey_id, name)
);
