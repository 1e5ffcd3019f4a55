-- The committee's review of an indicator's figures, one thread per period. Anyone signed in may
-- write; comments are never edited or deleted by the service (the thread is the record of review).
CREATE TABLE indicator_comment (
  id           bigserial PRIMARY KEY,
  indicator_id bigint NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
  period_start date NOT NULL,
  author       varchar(80) NOT NULL,
  body         text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX indicator_comment_period_idx ON indicator_comment (indicator_id, period_start, id);
