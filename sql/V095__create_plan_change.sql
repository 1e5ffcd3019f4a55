-- Change control of a published plan: a write to a published plan does not take effect; it edits
-- the plan's one open proposal (the next version, as a whole plan document), which takes effect
-- when the committee or an administrator approves it. Approved proposals keep the version before
-- and after, so every version of a published plan stays readable.
CREATE TABLE plan_change (
  id             bigserial PRIMARY KEY,
  plan_id        bigint NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  status         varchar(10) NOT NULL CHECK (status IN ('PROPOSED', 'APPROVED', 'REJECTED')),
  base_version   bigint NOT NULL,
  result_version bigint,
  base           text NOT NULL,
  proposed       text NOT NULL,
  proposed_by    varchar(80) NOT NULL,
  proposed_at    timestamptz NOT NULL DEFAULT now(),
  decided_by     varchar(80),
  decided_at     timestamptz,
  reason         text
);
CREATE UNIQUE INDEX plan_change_one_open_idx ON plan_change (plan_id) WHERE status = 'PROPOSED';
CREATE INDEX plan_change_plan_idx ON plan_change (plan_id, id);
