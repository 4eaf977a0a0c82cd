-- Idempotency-Key of POST /api/** (README, "HTTP API"): the first request with a key claims it by
-- inserting its row (the primary key keeps a concurrent copy out), the answer is stored when it is
-- known, and a replay within 24 hours gets that answer. Rows older than 24 hours are purged.
CREATE TABLE idempotency_key (
    key_hash       VARCHAR(64)      NOT NULL PRIMARY KEY, -- SHA-256 (hex) of the caller and the client's key
    request_hash   VARCHAR(64)      NOT NULL,             -- SHA-256 (hex) of method, path, query and body
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    status         INTEGER,                               -- null while the first request runs
    content_type   VARCHAR(200),
    location       VARCHAR(500),
    body           VARCHAR(1000000)
);
CREATE INDEX ix_idempotency_key_created ON idempotency_key (created_at);
