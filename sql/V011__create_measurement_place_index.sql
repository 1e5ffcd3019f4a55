-- A cell's own rows (a district's stored totals, one corregimiento's series) by indicator and place:
-- without it, reading one place's series walks every corregimiento's rows of the indicator, and a
-- plan's progress slows down with the number of corregimientos.
CREATE INDEX measurement_place_idx ON measurement (indicator_id, source_id, territory_id, sex, period_start);
