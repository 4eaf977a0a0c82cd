-- Issue 15: a teacher gives up a workshop seat through a link in the enrolment email. The link carries
-- a per-seat token of 128 random bits (base64url, 22 characters); seats enrolled before have none
-- and are given up through staff as before. released_at records when a seat was given up.
ALTER TABLE workshop_seat ADD COLUMN give_up_token VARCHAR(43);
ALTER TABLE workshop_seat ADD COLUMN released_at TIMESTAMP WITH TIME ZONE;
CREATE UNIQUE INDEX ux_workshop_seat_give_up_token ON workshop_seat (give_up_token);
