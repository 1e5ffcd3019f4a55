-- Tokens ended by a logout before they expire. A token's id (jti) is checked against this table on
-- every authenticated request; rows past their expiry are useless and are deleted at each logout.
CREATE TABLE revoked_token (
  jti        varchar(64) PRIMARY KEY,
  username   varchar(80) NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz NOT NULL DEFAULT now()
);
