-- Where a survey's submissions are pulled from: a KoboToolbox asset (API v2) or an ODK Central
-- form (OData). The credential (Kobo token, or ODK email and password) is AES-GCM ciphertext under
-- the service's key; no route ever returns it. A scheduled pull refreshes scheduled_wave.
CREATE TABLE survey_server (
  survey_id      bigint       PRIMARY KEY REFERENCES survey (id) ON DELETE CASCADE,
  kind           varchar(10)  NOT NULL CHECK (kind IN ('KOBO', 'ODK')),
  base_url       varchar(500) NOT NULL,
  project        varchar(80),
  form           varchar(200) NOT NULL,
  mapping        varchar(80),
  credential     bytea        NOT NULL,
  scheduled_wave varchar(40),
  last_pull_at   timestamptz,
  last_pull      varchar(1000)
);
