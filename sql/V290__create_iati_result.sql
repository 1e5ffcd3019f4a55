-- Which of a plan's tracked indicators a priority project reports to donors as its results
-- (IATI export). Owned by exchange. Codes, not keys: a plan imported again keeps its links, and a
-- link whose project or indicator is gone is left out of the export and shown as such.
CREATE TABLE iati_result (
  plan_code      text NOT NULL,
  project_code   text NOT NULL,
  indicator_code text NOT NULL,
  position       int  NOT NULL,
  PRIMARY KEY (plan_code, project_code, indicator_code)
);
