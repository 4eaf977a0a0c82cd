-- A partnership's district token dies when the partnership closes; a reissue bumps token_generation.
ALTER TABLE partnership ADD COLUMN token_revoked_at TIMESTAMP WITH TIME ZONE;
