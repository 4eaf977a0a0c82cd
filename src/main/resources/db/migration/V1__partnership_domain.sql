-- Project tables (Camunda creates and owns its ACT_* tables itself).
-- Portable SQL: the same script runs on H2 (default profile) and PostgreSQL.

CREATE SEQUENCE district_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE partnership_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE school_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE course_section_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE teacher_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE school_leader_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE email_outbox_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE district (
    id          BIGINT       NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    nces_id     VARCHAR(20)  NOT NULL,
    state       VARCHAR(2)   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_district_nces_id UNIQUE (nces_id)
);

-- One counter row per calendar year: references are DP-<year>-<4 digits>.
CREATE TABLE reference_counter (
    reference_year INTEGER NOT NULL PRIMARY KEY,
    last_value     INTEGER NOT NULL
);

CREATE TABLE partnership (
    id                   BIGINT       NOT NULL PRIMARY KEY,
    reference            VARCHAR(20)  NOT NULL,
    district_id          BIGINT       NOT NULL REFERENCES district (id),
    school_year          VARCHAR(9)   NOT NULL,
    stage                VARCHAR(40)  NOT NULL,
    contact_name         VARCHAR(200) NOT NULL,
    contact_email        VARCHAR(320) NOT NULL,
    contact_phone        VARCHAR(40),
    one_to_one_computing BOOLEAN      NOT NULL,
    bandwidth_mbps       INTEGER      NOT NULL,
    access_token_hash    VARCHAR(64)  NOT NULL,
    token_issued_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    reply_to_email       VARCHAR(320) NOT NULL,
    process_instance_id  VARCHAR(64),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    version              BIGINT       NOT NULL,
    CONSTRAINT uk_partnership_reference UNIQUE (reference),
    CONSTRAINT uk_partnership_district_year UNIQUE (district_id, school_year)
);
CREATE INDEX ix_partnership_stage ON partnership (stage);
CREATE INDEX ix_partnership_process_instance ON partnership (process_instance_id);

CREATE TABLE school (
    id             BIGINT       NOT NULL PRIMARY KEY,
    partnership_id BIGINT       NOT NULL REFERENCES partnership (id),
    name           VARCHAR(200) NOT NULL,
    level          VARCHAR(20)  NOT NULL,
    CONSTRAINT uk_school_partnership_name UNIQUE (partnership_id, name)
);

CREATE TABLE course_section (
    id             BIGINT      NOT NULL PRIMARY KEY,
    partnership_id BIGINT      NOT NULL REFERENCES partnership (id),
    school_id      BIGINT      NOT NULL REFERENCES school (id),
    course         VARCHAR(20) NOT NULL,
    section_number INTEGER     NOT NULL,
    CONSTRAINT uk_section UNIQUE (school_id, course, section_number)
);
CREATE INDEX ix_section_partnership ON course_section (partnership_id);

CREATE TABLE teacher (
    id             BIGINT       NOT NULL PRIMARY KEY,
    partnership_id BIGINT       NOT NULL REFERENCES partnership (id),
    school_id      BIGINT       NOT NULL REFERENCES school (id),
    name           VARCHAR(200) NOT NULL,
    email          VARCHAR(320) NOT NULL,
    course         VARCHAR(20)  NOT NULL
);
CREATE INDEX ix_teacher_partnership ON teacher (partnership_id);
CREATE INDEX ix_teacher_school ON teacher (school_id);

CREATE TABLE school_leader (
    id             BIGINT       NOT NULL PRIMARY KEY,
    partnership_id BIGINT       NOT NULL REFERENCES partnership (id),
    school_id      BIGINT       NOT NULL REFERENCES school (id),
    name           VARCHAR(200) NOT NULL,
    email          VARCHAR(320) NOT NULL,
    role           VARCHAR(20)  NOT NULL
);
CREATE INDEX ix_leader_partnership ON school_leader (partnership_id);
CREATE INDEX ix_leader_school ON school_leader (school_id);
CREATE INDEX ix_section_school ON course_section (school_id);

-- Email outbox (DESIGN 4): written in the same transaction as the process step that causes it.
CREATE TABLE email_outbox (
    id                  BIGINT        NOT NULL PRIMARY KEY,
    idempotency_key     VARCHAR(400)  NOT NULL,
    partnership_id      BIGINT        REFERENCES partnership (id),
    process_instance_id VARCHAR(64),
    milestone           VARCHAR(60)   NOT NULL,
    recipient           VARCHAR(320)  NOT NULL,
    reply_to            VARCHAR(320),
    subject             VARCHAR(300)  NOT NULL,
    body_text           VARCHAR(1000000) NOT NULL,
    body_html           VARCHAR(1000000) NOT NULL,
    status              VARCHAR(20)   NOT NULL,
    attempts            INTEGER       NOT NULL,
    next_attempt_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_at          TIMESTAMP WITH TIME ZONE,
    last_error          VARCHAR(1000),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at             TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uk_email_outbox_idempotency_key UNIQUE (idempotency_key)
);
CREATE INDEX ix_email_outbox_due ON email_outbox (status, next_attempt_at);
CREATE INDEX ix_email_outbox_partnership ON email_outbox (partnership_id);
