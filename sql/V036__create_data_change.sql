-- Which committed transactions changed what the pages show, so that a page computed for the public
-- can be kept until the data changes. Every statement that writes one of the tables below adds its
-- transaction's id here (once per transaction). The row becomes visible exactly when that
-- transaction's data does, so (epoch, count of rows) read before computing a page is a version no
-- later than the data the page shows: a page cached under it is never newer data under an older
-- version, nor older data under a newer one. Statement triggers are cheap for bulk loads (one row
-- per upload, not per measurement) and work on TimescaleDB hypertables as on plain tables.
CREATE TABLE data_change (
  txid       bigint PRIMARY KEY,
  changed_at timestamptz NOT NULL DEFAULT now()
);

-- Bumped when data_change is emptied (see org.atalaya.shared.DataVersion), so that a count
-- never repeats an earlier version.
CREATE TABLE data_epoch (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  epoch    bigint NOT NULL
);
INSERT INTO data_epoch (epoch) VALUES (0);

CREATE FUNCTION atalaya_data_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_change (txid) VALUES (txid_current()) ON CONFLICT (txid) DO NOTHING;
  RETURN NULL;
END
$$;

DO $$
DECLARE
  t text;
BEGIN
  -- Everything a public page reads, and the audit log, which every write of the service joins
  -- (tables added later are covered through it).
  FOREACH t IN ARRAY ARRAY['plan', 'axis', 'action_card', 'action_partner', 'project',
                           'institution', 'indicator', 'indicator_source', 'target',
                           'target_milestone', 'measurement', 'territory', 'territory_population',
                           'survey', 'survey_wave', 'survey_aggregate', 'survey_indicator',
                           'survey_indicator_cell', 'survey_respondent', 'period_approval',
                           'indicator_comment', 'report', 'report_file', 'audit_log'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION atalaya_data_changed()',
                   t || '_data_changed', t);
    -- TRUNCATE (tests and maintenance) as well, where the table allows a trigger on it.
    BEGIN
      EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I'
                     ' FOR EACH STATEMENT EXECUTE FUNCTION atalaya_data_changed()',
                     t || '_data_truncated', t);
    EXCEPTION WHEN feature_not_supported OR wrong_object_type THEN
      RAISE NOTICE 'no TRUNCATE trigger on %: %', t, SQLERRM;
    END;
  END LOOP;
END
$$;
