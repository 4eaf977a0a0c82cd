-- Issue 15: every workshop has an IANA time zone (sessions stay instants; people see them in this
-- zone), and its calendar invites carry a SEQUENCE raised on every change (dates, facilitator,
-- cancellation), which calendars need to replace an event instead of adding a second one.
ALTER TABLE workshop ADD COLUMN time_zone VARCHAR(64);
-- Workshops scheduled before were shown in UTC; they keep showing what their teachers were sent.
UPDATE workshop SET time_zone = 'UTC' WHERE time_zone IS NULL;
ALTER TABLE workshop ALTER COLUMN time_zone SET NOT NULL;

ALTER TABLE workshop ADD COLUMN calendar_sequence INTEGER DEFAULT 0 NOT NULL;
UPDATE workshop SET calendar_sequence = dates_revision;

ALTER TABLE workshop ADD COLUMN cancelled_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE workshop ADD COLUMN cancellation_reason VARCHAR(1000);
