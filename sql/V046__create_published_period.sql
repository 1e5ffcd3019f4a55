-- An indicator's figures for one period went out in a published report. The measurement rows keep
-- their status (PROVISIONAL/VALIDATED): publication is a fact about the period, kept beside the
-- hypertable, so no compressed chunk is rewritten and the rollup (V010) needs no new column. A later
-- change of a published period's figures needs a reason and leaves this row, and the report's frozen
-- files, as they were.
CREATE TABLE published_period (
  indicator_id bigint      NOT NULL REFERENCES indicator (id),
  period_start date        NOT NULL,
  report_id    bigint      NOT NULL REFERENCES report (id),
  published_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (indicator_id, period_start, report_id)
);
