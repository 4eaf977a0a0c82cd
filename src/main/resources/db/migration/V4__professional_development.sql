-- Professional development (issue 4): the per-teacher hours ledger, in-person workshops with
-- sessions, seats and attendance, facilitator qualifications, leadership PD, the elementary
-- affiliate path, and calendar invites on outbox emails.

ALTER TABLE email_outbox ADD COLUMN calendar_ics VARCHAR(100000);

-- Elementary teachers are trained by a regional affiliate or by a district employee trained as an affiliate.
ALTER TABLE partnership ADD COLUMN elementary_pd_path VARCHAR(30);
ALTER TABLE partnership ADD COLUMN affiliate_trainer_name VARCHAR(200);
ALTER TABLE partnership ADD COLUMN affiliate_trainer_email VARCHAR(320);
ALTER TABLE partnership ADD COLUMN affiliate_trainer_trained_on DATE;

ALTER TABLE teacher ADD COLUMN pd_status VARCHAR(30) DEFAULT 'NOT_STARTED' NOT NULL;
ALTER TABLE teacher ADD COLUMN committed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE teacher ADD COLUMN pd_completed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE teacher ADD COLUMN certificate_number VARCHAR(40);

CREATE SEQUENCE pd_phase_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE workshop_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE workshop_session_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE workshop_seat_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE workshop_attendance_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE leadership_enrolment_seq START WITH 1 INCREMENT BY 50;

-- The hours ledger: one row per teacher and phase of the teacher's pd-track.
CREATE TABLE pd_phase (
    id               BIGINT       NOT NULL PRIMARY KEY,
    partnership_id   BIGINT       NOT NULL REFERENCES partnership (id),
    teacher_id       BIGINT       NOT NULL REFERENCES teacher (id),
    course           VARCHAR(20)  NOT NULL,
    phase_number     INTEGER      NOT NULL,
    name             VARCHAR(200) NOT NULL,
    delivery         VARCHAR(20)  NOT NULL,
    delivered_by     VARCHAR(200),
    planned_hours    INTEGER      NOT NULL,
    hours_earned     INTEGER      NOT NULL,
    starts_on        DATE         NOT NULL,
    due_on           DATE         NOT NULL,
    status           VARCHAR(30)  NOT NULL,
    make_ups         INTEGER      NOT NULL,
    completed_at     TIMESTAMP WITH TIME ZONE,
    version          BIGINT       NOT NULL,
    CONSTRAINT uk_pd_phase UNIQUE (teacher_id, phase_number)
);
CREATE INDEX ix_pd_phase_partnership ON pd_phase (partnership_id);
-- Workshop enrolment looks for teachers waiting for a seat in a course and phase.
CREATE INDEX ix_pd_phase_waiting ON pd_phase (course, phase_number, status);

CREATE TABLE facilitator_qualification (
    user_id VARCHAR(64) NOT NULL,
    course  VARCHAR(20) NOT NULL,
    PRIMARY KEY (user_id, course)
);

CREATE TABLE workshop (
    id                  BIGINT       NOT NULL PRIMARY KEY,
    reference           VARCHAR(20)  NOT NULL,
    course              VARCHAR(20)  NOT NULL,
    phase_number        INTEGER      NOT NULL,
    title               VARCHAR(300) NOT NULL,
    region              VARCHAR(2)   NOT NULL,
    location            VARCHAR(300) NOT NULL,
    capacity            INTEGER      NOT NULL,
    organizer           VARCHAR(64)  NOT NULL,
    facilitator         VARCHAR(64),
    vendor_confirmation VARCHAR(200),
    status              VARCHAR(20)  NOT NULL,
    dates_revision      INTEGER      NOT NULL,
    process_instance_id VARCHAR(64),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at           TIMESTAMP WITH TIME ZONE,
    version             BIGINT       NOT NULL,
    CONSTRAINT uk_workshop_reference UNIQUE (reference)
);

CREATE TABLE workshop_session (
    id             BIGINT  NOT NULL PRIMARY KEY,
    workshop_id    BIGINT  NOT NULL REFERENCES workshop (id),
    session_number INTEGER NOT NULL,
    starts_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    hours          INTEGER NOT NULL,
    CONSTRAINT uk_workshop_session UNIQUE (workshop_id, session_number)
);

-- A teacher's place in a workshop: ENROLLED up to capacity, then WAITLISTED in order.
CREATE TABLE workshop_seat (
    id                BIGINT      NOT NULL PRIMARY KEY,
    workshop_id       BIGINT      NOT NULL REFERENCES workshop (id),
    pd_phase_id       BIGINT      NOT NULL REFERENCES pd_phase (id),
    teacher_id        BIGINT      NOT NULL REFERENCES teacher (id),
    partnership_id    BIGINT      NOT NULL REFERENCES partnership (id),
    status            VARCHAR(20) NOT NULL,
    position          INTEGER     NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_workshop_seat UNIQUE (workshop_id, teacher_id)
);
CREATE INDEX ix_workshop_seat_phase ON workshop_seat (pd_phase_id);

CREATE TABLE workshop_attendance (
    id             BIGINT  NOT NULL PRIMARY KEY,
    workshop_id    BIGINT  NOT NULL REFERENCES workshop (id),
    session_number INTEGER NOT NULL,
    teacher_id     BIGINT  NOT NULL REFERENCES teacher (id),
    present        BOOLEAN NOT NULL,
    recorded_by    VARCHAR(64),
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_workshop_attendance UNIQUE (workshop_id, session_number, teacher_id)
);

-- Counselor/Administrator PD of each participating high school's leaders.
CREATE TABLE leadership_enrolment (
    id             BIGINT      NOT NULL PRIMARY KEY,
    partnership_id BIGINT      NOT NULL REFERENCES partnership (id),
    leader_id      BIGINT      NOT NULL REFERENCES school_leader (id),
    status         VARCHAR(20) NOT NULL,
    hours          INTEGER     NOT NULL,
    enrolled_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uk_leadership_enrolment UNIQUE (leader_id)
);
CREATE INDEX ix_leadership_enrolment_partnership ON leadership_enrolment (partnership_id);
