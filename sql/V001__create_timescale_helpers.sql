-- TimescaleDB is used when the server offers it and never required: the same schema runs on plain
-- PostgreSQL. Later migrations call atalaya_make_hypertable(), which does nothing without the extension.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb') THEN
    -- Installed but not preloaded, or no right to create it: carry on as plain PostgreSQL.
    BEGIN
      CREATE EXTENSION IF NOT EXISTS timescaledb;
    EXCEPTION WHEN OTHERS THEN
      RAISE NOTICE 'TimescaleDB is installed but could not be enabled: %', SQLERRM;
    END;
  END IF;
END
$$;

CREATE FUNCTION atalaya_timescale_enabled() RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb')
$$;

-- Turns a table into a hypertable partitioned on time_column, with compression of chunks older than
-- compress_after, segmented by segment_by. Every unique index must include time_column.
CREATE FUNCTION atalaya_make_hypertable(
  target regclass, time_column name, chunk interval, compress_after interval, segment_by text)
RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT atalaya_timescale_enabled() THEN
    RETURN false;
  END IF;
  EXECUTE format('SELECT create_hypertable(%L::regclass, %L::name, chunk_time_interval => %L::interval,'
                 ' migrate_data => true, if_not_exists => true)', target, time_column, chunk);
  -- Compression is a community-licence feature: an Apache-only build keeps uncompressed chunks.
  BEGIN
    EXECUTE format('ALTER TABLE %s SET (timescaledb.compress, timescaledb.compress_segmentby = %L,'
                   ' timescaledb.compress_orderby = %L)', target, segment_by, time_column || ' DESC');
    EXECUTE format('SELECT add_compression_policy(%L::regclass, %L::interval, if_not_exists => true)',
                   target, compress_after);
  EXCEPTION WHEN feature_not_supported OR undefined_function THEN
    RAISE NOTICE 'TimescaleDB compression unavailable for %: %', target, SQLERRM;
  END;
  RETURN true;
END
$$;
