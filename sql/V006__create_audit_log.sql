-- Every write: who, when, what, before and after. Append-only; a hypertable on TimescaleDB.
CREATE TABLE audit_log (
  id          bigserial,
  at          timestamptz NOT NULL DEFAULT now(),
  actor       varchar(80) NOT NULL,
  action      varchar(20) NOT NULL,
  entity      varchar(40) NOT NULL,
  entity_key  varchar(200) NOT NULL,
  before_json jsonb,
  after_json  jsonb,
  reason      text,
  PRIMARY KEY (id, at)
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_key, at DESC);

SELECT atalaya_make_hypertable('audit_log', 'at', INTERVAL '30 days', INTERVAL '90 days', 'entity');

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
