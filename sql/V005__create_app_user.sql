CREATE TABLE app_user (
  id              bigserial PRIMARY KEY,
  username        varchar(80) NOT NULL UNIQUE,
  password_hash   varchar(300) NOT NULL,
  role            varchar(20) NOT NULL CHECK (role IN ('ADMIN', 'ANALYST', 'COMMITTEE')),
  enabled         boolean NOT NULL DEFAULT true,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until    timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now()
);
