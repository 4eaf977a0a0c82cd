-- The outbox's rows are now written by one INSERT ... ON CONFLICT DO NOTHING (MERGE on H2) that takes its id from
-- the sequence itself (mail.MailOutbox; docs/performance.md), no longer by Hibernate, which reserved 50 ids per
-- call. Ids already used are all at or below the sequence's current value, so counting on by one cannot meet them.
ALTER SEQUENCE email_outbox_seq INCREMENT BY 1;
