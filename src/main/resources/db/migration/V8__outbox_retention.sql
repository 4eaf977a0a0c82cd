-- Retention (docs/operations.md): the rendered bodies and the calendar attachment of a delivered email
-- hold the district's link and token; they are cleared a configurable time after delivery, while the
-- row (recipient, milestone, status, dates) stays for the staff email view.
ALTER TABLE email_outbox ALTER COLUMN body_text DROP NOT NULL;
ALTER TABLE email_outbox ALTER COLUMN body_html DROP NOT NULL;
ALTER TABLE email_outbox ADD COLUMN purged_at TIMESTAMP WITH TIME ZONE;
-- The purge looks for SENT rows delivered before a cut-off.
CREATE INDEX ix_email_outbox_sent ON email_outbox (status, sent_at);
