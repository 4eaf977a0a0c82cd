-- Issue 15: the day a phase was completed as reported (the online PD export's "completed on"),
-- which the PD hours report and certificates show. completed_at stays the moment it was recorded.
-- Phases completed before have none; they show the day of completed_at (UTC) as before.
ALTER TABLE pd_phase ADD COLUMN completed_on DATE;
