-- Renewal into the next school year (issue 17, part 4): a renewed partnership links to the one it
-- continues, keeps the district's token (derived from the first year's reference), and records
-- when the district confirmed the teachers and sections carried over.
ALTER TABLE partnership ADD COLUMN previous_partnership_id BIGINT REFERENCES partnership (id);
ALTER TABLE partnership ADD COLUMN token_reference VARCHAR(20);
UPDATE partnership SET token_reference = reference;
ALTER TABLE partnership ALTER COLUMN token_reference SET NOT NULL;
ALTER TABLE partnership ADD COLUMN renewal_confirmed_at TIMESTAMP WITH TIME ZONE;
-- At most one next year per partnership: two renewals of the same year never both commit.
ALTER TABLE partnership ADD CONSTRAINT uk_partnership_previous UNIQUE (previous_partnership_id);
