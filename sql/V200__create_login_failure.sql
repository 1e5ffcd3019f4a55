-- Failed logins per client address, shared by every replica of the service so that the login
-- throttle counts an attacker's guesses wherever the load balancer sends them. Rows older than the
-- throttle's window are useless and are deleted as new failures arrive. Not an audited or published
-- table: it moves no data version.
CREATE TABLE login_failure (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  address   varchar(64) NOT NULL,
  failed_at timestamptz NOT NULL
);
CREATE INDEX login_failure_address_idx ON login_failure (address, failed_at);
CREATE INDEX login_failure_failed_at_idx ON login_failure (failed_at);
