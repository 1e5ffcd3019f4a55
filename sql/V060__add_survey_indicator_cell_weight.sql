-- The design weight a survey-fed indicator cell was estimated with (a household question with the
-- household weight), so that the indicator's intervals can say it. Cells fed before this change
-- keep NULL: which weight they used was not recorded.
ALTER TABLE survey_indicator_cell ADD COLUMN weight varchar(80);
