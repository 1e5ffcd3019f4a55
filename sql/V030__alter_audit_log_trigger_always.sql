-- The append-only trigger fires in every session, including one that sets
-- session_replication_role = replica (which otherwise silences ordinary triggers). Table owners
-- and superusers can still drop or disable it with DDL: run the service as a role that owns nothing.
ALTER TABLE audit_log ENABLE ALWAYS TRIGGER audit_log_append_only;
