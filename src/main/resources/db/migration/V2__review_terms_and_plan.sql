-- Lifecycle I: information requests, signed agreement, comprehensive plan rounds, and the
-- partnership's timeline of milestones (what the staff API shows).

ALTER TABLE partnership ADD COLUMN token_generation INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE partnership ADD COLUMN screening_result VARCHAR(20);
ALTER TABLE partnership ADD COLUMN agreement_signatory VARCHAR(200);
ALTER TABLE partnership ADD COLUMN agreement_signed_on DATE;

CREATE SEQUENCE information_request_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE comprehensive_plan_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE partnership_event_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE information_request (
    id             BIGINT        NOT NULL PRIMARY KEY,
    partnership_id BIGINT        NOT NULL REFERENCES partnership (id),
    question       VARCHAR(2000) NOT NULL,
    asked_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    answer         VARCHAR(10000),
    answered_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_information_request_partnership ON information_request (partnership_id);

-- One row per submitted version of the plan; review comments are per section.
CREATE TABLE comprehensive_plan (
    id                         BIGINT         NOT NULL PRIMARY KEY,
    partnership_id             BIGINT         NOT NULL REFERENCES partnership (id),
    round                      INTEGER        NOT NULL,
    vision                     VARCHAR(20000) NOT NULL,
    implementation             VARCHAR(20000) NOT NULL,
    promotion                  VARCHAR(20000) NOT NULL,
    community_support          VARCHAR(20000) NOT NULL,
    submitted_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    decision                   VARCHAR(20),
    vision_comment             VARCHAR(4000),
    implementation_comment     VARCHAR(4000),
    promotion_comment          VARCHAR(4000),
    community_support_comment  VARCHAR(4000),
    reviewed_by                VARCHAR(64),
    reviewed_at                TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uk_plan_round UNIQUE (partnership_id, round)
);

CREATE TABLE partnership_event (
    id             BIGINT        NOT NULL PRIMARY KEY,
    partnership_id BIGINT        NOT NULL REFERENCES partnership (id),
    event          VARCHAR(60)   NOT NULL,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    detail         VARCHAR(1000)
);
CREATE INDEX ix_partnership_event_partnership ON partnership_event (partnership_id, occurred_at);
