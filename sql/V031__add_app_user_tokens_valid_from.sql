-- Tokens issued before this instant are refused: an administrator's password reset ends the
-- sessions an intruder may hold. NULL: every unexpired token of the account counts.
ALTER TABLE app_user ADD COLUMN tokens_valid_from timestamptz;
