-- The committee's inbox (the count in every signed-in page's menu and /revision) asks which
-- indicator periods still hold provisional figures. Without this index that question reads the
-- whole measurement table: 57 ms on the demo, 876 ms with 20 simulated districts
-- (bench/run.sh national). Validated figures, the great majority, are not in it.
CREATE INDEX measurement_provisional_idx ON measurement (indicator_id, period_start)
  WHERE status = 'PROVISIONAL';
