-- PD certificates as PDF (issue 17): each certificate has a verification code that cannot be guessed
-- (128 random bits, base64url), printed on the PDF and opened at /certificates/{code}; and an outbox
-- email may carry one file attachment (the certificate PDF), cleared with the bodies by the retention purge.
ALTER TABLE teacher ADD COLUMN certificate_code VARCHAR(43);
ALTER TABLE teacher ADD COLUMN certificate_hours INTEGER;
CREATE UNIQUE INDEX uk_teacher_certificate_code ON teacher (certificate_code);

ALTER TABLE email_outbox ADD COLUMN attachment_name VARCHAR(200);
ALTER TABLE email_outbox ADD COLUMN attachment_type VARCHAR(100);
ALTER TABLE email_outbox ADD COLUMN attachment_content BYTEA;
