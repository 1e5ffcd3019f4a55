CREATE TABLE plan (
  id           bigserial PRIMARY KEY,
  code         varchar(60)  NOT NULL UNIQUE,
  name         varchar(300) NOT NULL,
  territory_id bigint NOT NULL REFERENCES territory (id),
  period_start date NOT NULL,
  period_end   date NOT NULL,
  status       varchar(20) NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'APPROVED', 'PUBLISHED')),
  description  text,
  version      bigint NOT NULL DEFAULT 0,
  CHECK (period_end > period_start)
);

CREATE TABLE axis (
  id          bigserial PRIMARY KEY,
  plan_id     bigint NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  code        varchar(40)  NOT NULL,
  name        varchar(300) NOT NULL,
  standard    varchar(40) CHECK (standard IN ('PREVENTION', 'CONTROL_AND_PROSECUTION',
                'REHABILITATION_AND_REINSERTION', 'VICTIM_CARE_AND_PROTECTION', 'INSTITUTIONAL_STRENGTHENING')),
  description text,
  position    integer NOT NULL,
  UNIQUE (plan_id, code)
);

-- The guide's "ficha": one priority action of an axis, as the working tables write it.
CREATE TABLE action_card (
  id                  bigserial PRIMARY KEY,
  plan_id             bigint NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  axis_id             bigint NOT NULL REFERENCES axis (id) ON DELETE CASCADE,
  code                varchar(40)  NOT NULL,
  title               varchar(300) NOT NULL,
  problem             text NOT NULL,
  general_objective   text NOT NULL,
  actions             jsonb NOT NULL DEFAULT '[]',
  targets             jsonb NOT NULL DEFAULT '[]',
  indicators          jsonb NOT NULL DEFAULT '[]',
  lead_institution_id bigint REFERENCES institution (id),
  other_partners      jsonb NOT NULL DEFAULT '[]',
  schedule_start      date,
  schedule_end        date,
  schedule_notes      text,
  budget_amount       numeric(16, 2) CHECK (budget_amount >= 0),
  budget_currency     varchar(3),
  funding_source      text,
  position            integer NOT NULL,
  UNIQUE (plan_id, code),
  CHECK (schedule_end IS NULL OR schedule_start IS NULL OR schedule_end >= schedule_start)
);
CREATE INDEX action_card_axis_idx ON action_card (axis_id);

CREATE TABLE action_partner (
  action_id      bigint NOT NULL REFERENCES action_card (id) ON DELETE CASCADE,
  institution_id bigint NOT NULL REFERENCES institution (id),
  position       integer NOT NULL,
  PRIMARY KEY (action_id, institution_id)
);

-- The guide's step 5: a priority project with every element it lists.
CREATE TABLE project (
  id                  bigserial PRIMARY KEY,
  plan_id             bigint NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  axis_id             bigint REFERENCES axis (id) ON DELETE SET NULL,
  code                varchar(40)  NOT NULL,
  name                varchar(300) NOT NULL,
  location            text NOT NULL,
  start_date          date,
  end_date            date,
  problem             text NOT NULL,
  justification       text NOT NULL,
  general_objective   text NOT NULL,
  specific_objectives jsonb NOT NULL DEFAULT '[]',
  activities          jsonb NOT NULL DEFAULT '[]',
  beneficiaries       text NOT NULL,
  indicators          jsonb NOT NULL DEFAULT '[]',
  schedule            jsonb NOT NULL DEFAULT '[]',
  communication_plan  text,
  monitoring_plan     text,
  lead_institution_id bigint REFERENCES institution (id),
  budget_amount       numeric(16, 2) CHECK (budget_amount >= 0),
  budget_currency     varchar(3),
  funding_source      text,
  position            integer NOT NULL,
  UNIQUE (plan_id, code),
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
