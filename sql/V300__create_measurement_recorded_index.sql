-- When an indicator's figures last changed, for validated and for all figures: the newest row of each
-- indicator and status is the first entry of this index, so "datos actualizados el …" no longer
-- reads every measurement of the plan.
CREATE INDEX measurement_recorded_idx ON measurement (indicator_id, status, recorded_at);
