-- Issue 8: a district's answer for a teacher or a section goes straight to the process instance
-- that waits for it. Finding that instance by business key and process variables made
-- PostgreSQL scan every waiting subscription of the message (about half of the database time
-- of a lifecycle). Rows from before this version stay NULL and are still found the old way.
ALTER TABLE teacher ADD COLUMN pd_process_instance_id VARCHAR(64);
ALTER TABLE course_section ADD COLUMN setup_process_instance_id VARCHAR(64);
