-- A service account is a user that scripts act as, through API tokens (api_token); it has no
-- password at all, so nobody can sign in as it with one. People keep a password hash.
ALTER TABLE app_user ADD COLUMN service_account boolean NOT NULL DEFAULT false;
ALTER TABLE app_user ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE app_user ADD CONSTRAINT app_user_password_unless_service
  CHECK (service_account = (password_hash IS NULL));
