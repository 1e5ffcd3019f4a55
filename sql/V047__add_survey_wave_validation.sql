-- A wave's estimates are validated before the wave is published. Any later change of its microdata
-- or typed-in aggregates clears the validation; changed_by is who last changed them, who may not
-- validate them.
ALTER TABLE survey_wave
  ADD COLUMN validated_by varchar(80),
  ADD COLUMN validated_at timestamptz,
  ADD COLUMN changed_by   varchar(80);
