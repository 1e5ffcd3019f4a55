-- The audit trail is a plain table on TimescaleDB too (V006 made it a hypertable there). A
-- hypertable keeps its rows in chunk tables that its owner can drop with drop_chunks() or
-- DROP TABLE on a chunk, and a DELETE on a chunk does not fire the statement trigger of the
-- parent: three ways to shorten the trail that the append-only trigger never sees. A plain table
-- has one place for its rows, guarded by that trigger for UPDATE, DELETE and TRUNCATE. The audit
-- trail is small (one row per write, not per measurement), so it needs no chunks or compression.
-- What a table owner can still do (DROP TABLE, DISABLE TRIGGER) is closed by running the service
-- as a role that owns nothing: docs/security.md gives the grants. On plain PostgreSQL this does
-- nothing.
DO $$
DECLARE
  chunked boolean;
BEGIN
  IF to_regclass('timescaledb_information.hypertables') IS NULL THEN
    RETURN; -- plain PostgreSQL
  END IF;
  -- Dynamic, so that plain PostgreSQL never plans a query on a view it does not have.
  EXECUTE 'SELECT EXISTS (SELECT 1 FROM timescaledb_information.hypertables'
          ' WHERE hypertable_schema = current_schema() AND hypertable_name = ''audit_log'')'
    INTO chunked;
  IF NOT chunked THEN
    RETURN;
  END IF;
  ALTER TABLE audit_log RENAME TO audit_log_chunked;
  ALTER SEQUENCE audit_log_id_seq OWNED BY NONE;
  CREATE TABLE audit_log (
    id          bigint NOT NULL DEFAULT nextval('audit_log_id_seq'),
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
  ALTER SEQUENCE audit_log_id_seq OWNED BY audit_log.id;
  INSERT INTO audit_log (id, at, actor, action, entity, entity_key, before_json, after_json, reason)
    SELECT id, at, actor, action, entity, entity_key, before_json, after_json, reason
    FROM audit_log_chunked ORDER BY id;
  -- Dropping the whole table fires no row or statement trigger; its rows are all copied above.
  DROP TABLE audit_log_chunked;
  DROP INDEX IF EXISTS audit_log_entity_idx;
  CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_key, at DESC);
  CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
  ALTER TABLE audit_log ENABLE ALWAYS TRIGGER audit_log_append_only;
  CREATE TRIGGER audit_log_data_changed AFTER INSERT OR UPDATE OR DELETE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION atalaya_data_changed();
  CREATE TRIGGER audit_log_data_truncated AFTER TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION atalaya_data_changed();
  RAISE NOTICE 'audit_log is now a plain table (it was a hypertable)';
END
$$;
