-- Accountability reports: one row per version of a plan's report for a period. A draft is rendered
-- from live data each time; publishing freezes it: its files are stored below with their hashes,
-- and the row's content hash covers them all. A correction is a new version with its reason.
CREATE TABLE report (
  id            bigserial    PRIMARY KEY,
  plan_code     varchar(60)  NOT NULL,
  period        varchar(10)  NOT NULL,
  version       integer      NOT NULL CHECK (version >= 1),
  status        varchar(10)  NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
  reason        text,
  as_of         date         NOT NULL,
  created_by    varchar(80)  NOT NULL,
  created_at    timestamptz  NOT NULL DEFAULT now(),
  published_by  varchar(80),
  published_at  timestamptz,
  content_hash  char(64),
  UNIQUE (plan_code, period, version),
  CHECK (version = 1 OR reason IS NOT NULL),
  CHECK ((status = 'PUBLISHED') = (content_hash IS NOT NULL AND published_at IS NOT NULL))
);

CREATE TABLE report_file (
  report_id   bigint       NOT NULL REFERENCES report (id) ON DELETE RESTRICT,
  name        varchar(100) NOT NULL,
  media_type  varchar(100) NOT NULL,
  sha256      char(64)     NOT NULL,
  content     bytea        NOT NULL,
  PRIMARY KEY (report_id, name)
);

-- Published files never change: a later correction is a new version, never an update.
CREATE FUNCTION report_file_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'published report files are immutable';
END;
$$;

CREATE TRIGGER report_file_no_update BEFORE UPDATE OR DELETE ON report_file
  FOR EACH ROW EXECUTE FUNCTION report_file_frozen();
