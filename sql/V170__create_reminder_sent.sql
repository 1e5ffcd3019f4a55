-- Which late item was e-mailed to whom and on which day (owned by the calendar's reminders): a
-- reminder is sent at most once per item, recipient and day, whichever replica or button sends it.
CREATE TABLE reminder_sent (
  indicator_code varchar(40)  NOT NULL,
  source_code    varchar(40)  NOT NULL,
  period_start   date         NOT NULL,
  recipient      varchar(320) NOT NULL,
  sent_on        date         NOT NULL,
  institution    varchar(40),
  sent_at        timestamptz  NOT NULL DEFAULT now(),
  PRIMARY KEY (indicator_code, source_code, period_start, recipient, sent_on)
);
