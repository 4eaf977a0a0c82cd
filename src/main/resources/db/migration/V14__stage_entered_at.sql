-- When the partnership entered its current stage: the Cockpit reports' "days in stage".
-- Rows that exist already take their last change as the best estimate there is.
ALTER TABLE partnership ADD COLUMN stage_entered_at TIMESTAMP WITH TIME ZONE;
UPDATE partnership SET stage_entered_at = updated_at;
ALTER TABLE partnership ALTER COLUMN stage_entered_at SET NOT NULL;
CREATE INDEX ix_partnership_school_year ON partnership (school_year);
