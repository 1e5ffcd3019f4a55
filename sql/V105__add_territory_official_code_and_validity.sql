-- Territories that match the country: a province above the district, the official code (INEC) beside
-- ours, and the dates a unit is valid between, so a boundary change keeps old figures on old units.
ALTER TABLE territory
  ADD COLUMN official_code varchar(20),
  ADD COLUMN valid_from    date,
  ADD COLUMN valid_to      date,
  ADD CONSTRAINT territory_validity CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_to > valid_from),
  ADD CONSTRAINT territory_official_code_format CHECK (official_code ~ '^[0-9A-Za-z.-]{1,20}$');
CREATE UNIQUE INDEX territory_official_code_key ON territory (official_code) WHERE official_code IS NOT NULL;

ALTER TABLE territory DROP CONSTRAINT territory_level_check;
ALTER TABLE territory ADD CONSTRAINT territory_level_check
  CHECK (level IN ('PROVINCE', 'DISTRICT', 'CORREGIMIENTO', 'BARRIO'));
-- A province has no parent; a district may stand alone or under its province; the rest hang below.
ALTER TABLE territory DROP CONSTRAINT territory_check;
ALTER TABLE territory ADD CONSTRAINT territory_parent_check
  CHECK (CASE level WHEN 'PROVINCE' THEN parent_id IS NULL
                    WHEN 'DISTRICT' THEN true
                    ELSE parent_id IS NOT NULL END);
