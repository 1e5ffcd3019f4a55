-- A committee member's approval of an indicator's figures for one period. One row per period: a
-- new approval (after the figures were revised) replaces who and when; the audit log keeps the old.
CREATE TABLE period_approval (
  indicator_id bigint NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
  period_start date NOT NULL,
  approved_by  varchar(80) NOT NULL,
  approved_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (indicator_id, period_start)
);
