-- Execution of the plan: what was done of each action card's and priority project's activities,
-- when, and what was committed and spent against its budget, per quarter and funding source. Rows
-- hang on the plan and the part's code (not its id), so re-importing the plan's document keeps them.
-- Owned by org.atalaya.execution.
CREATE TABLE execution_activity (
  id            bigserial PRIMARY KEY,
  plan_id       bigint NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  part_kind     varchar(8) NOT NULL CHECK (part_kind IN ('CARD', 'PROJECT')),
  part_code     varchar(40) NOT NULL,
  position      integer NOT NULL,
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 500),
  planned_start date,
  planned_end   date,
  actual_start  date,
  actual_end    date,
  state         varchar(12) NOT NULL
                CHECK (state IN ('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
  note          text CHECK (note IS NULL OR length(note) <= 2000),
  version       integer NOT NULL DEFAULT 0,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  updated_by    varchar(100) NOT NULL,
  UNIQUE (plan_id, part_kind, part_code, position),
  CHECK (planned_end IS NULL OR planned_start IS NULL OR planned_end >= planned_start),
  CHECK (actual_end IS NULL OR actual_start IS NULL OR actual_end >= actual_start),
  CHECK (state <> 'DONE' OR actual_end IS NOT NULL)
);

CREATE TABLE execution_budget (
  id             bigserial PRIMARY KEY,
  plan_id        bigint NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  part_kind      varchar(8) NOT NULL CHECK (part_kind IN ('CARD', 'PROJECT')),
  part_code      varchar(40) NOT NULL,
  period_start   date NOT NULL CHECK (extract(day FROM period_start) = 1
                                      AND extract(month FROM period_start) IN (1, 4, 7, 10)),
  funding_source varchar(200) NOT NULL CHECK (length(funding_source) >= 1),
  currency       varchar(3) NOT NULL,
  committed      numeric(16, 2) NOT NULL CHECK (committed >= 0),
  executed       numeric(16, 2) NOT NULL CHECK (executed >= 0 AND executed <= committed),
  version        integer NOT NULL DEFAULT 0,
  updated_at     timestamptz NOT NULL DEFAULT now(),
  updated_by     varchar(100) NOT NULL,
  UNIQUE (plan_id, part_kind, part_code, period_start, funding_source)
);

CREATE TRIGGER execution_activity_data_changed AFTER INSERT OR UPDATE OR DELETE ON execution_activity
  FOR EACH STATEMENT EXECUTE FUNCTION atalaya_data_changed();
CREATE TRIGGER execution_budget_data_changed AFTER INSERT OR UPDATE OR DELETE ON execution_budget
  FOR EACH STATEMENT EXECUTE FUNCTION atalaya_data_changed();
