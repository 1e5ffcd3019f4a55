-- API tokens of service accounts. The secret is shown once when issued and only its SHA-256 is
-- kept (the secret is 32 random bytes, so a fast hash is enough to make a copy of this table
-- useless). A token stops working when revoked, when it expires, or when its account is disabled.
CREATE TABLE api_token (
  id            bigserial PRIMARY KEY,
  user_id       bigint NOT NULL REFERENCES app_user (id),
  name          varchar(80) NOT NULL,
  secret_sha256 char(64) NOT NULL UNIQUE,
  created_by    varchar(80) NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  last_used_at  timestamptz,
  revoked_at    timestamptz,
  revoked_by    varchar(80),
  revoke_reason text,
  CHECK (expires_at > created_at),
  CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE INDEX api_token_user_idx ON api_token (user_id, created_at DESC);
