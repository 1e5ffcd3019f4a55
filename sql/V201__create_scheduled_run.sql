-- Scheduled jobs that must run once however many replicas of the service fire them (the daily
-- backup): each replica's timer tries to claim the job's slot (its fire time, to the minute) and
-- only the one whose INSERT lands runs it. Kept as the record of who ran what and when.
CREATE TABLE scheduled_run (
  job        varchar(60) NOT NULL,
  slot       timestamptz NOT NULL,
  replica    varchar(200) NOT NULL,
  claimed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (job, slot)
);
