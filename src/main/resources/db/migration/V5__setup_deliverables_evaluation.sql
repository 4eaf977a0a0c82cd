-- Classroom set-up per section, Code.org's deliverables, program evaluation and closing (issue 5).

ALTER TABLE course_section ADD COLUMN time_slot VARCHAR(60);
ALTER TABLE course_section ADD COLUMN room VARCHAR(60);
ALTER TABLE course_section ADD COLUMN course_code VARCHAR(30);
ALTER TABLE course_section ADD COLUMN one_to_one_computing BOOLEAN;
ALTER TABLE course_section ADD COLUMN bandwidth_mbps INTEGER;
ALTER TABLE course_section ADD COLUMN materials_ready BOOLEAN;
ALTER TABLE course_section ADD COLUMN materials_cost NUMERIC(10, 2);
ALTER TABLE course_section ADD COLUMN cost_approved_by VARCHAR(64);
ALTER TABLE course_section ADD COLUMN readiness VARCHAR(20) DEFAULT 'NOT_REPORTED' NOT NULL;
ALTER TABLE course_section ADD COLUMN readiness_reasons VARCHAR(1000);
ALTER TABLE course_section ADD COLUMN reported_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE course_section ADD COLUMN ready_at TIMESTAMP WITH TIME ZONE;

ALTER TABLE partnership ADD COLUMN renewal_requested BOOLEAN DEFAULT FALSE NOT NULL;

CREATE SEQUENCE evaluation_course_result_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE program_evaluation_seq START WITH 1 INCREMENT BY 50;

-- What the district reports after the school year, per course.
CREATE TABLE evaluation_course_result (
    id                 BIGINT      NOT NULL PRIMARY KEY,
    partnership_id     BIGINT      NOT NULL REFERENCES partnership (id),
    course             VARCHAR(20) NOT NULL,
    sections_taught    INTEGER     NOT NULL,
    students_enrolled  INTEGER     NOT NULL,
    students_completed INTEGER     NOT NULL,
    submitted_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_evaluation_course UNIQUE (partnership_id, course)
);

-- The evaluation report: the PD summary computed from the hours ledger and the evaluator's assessment.
CREATE TABLE program_evaluation (
    id                  BIGINT         NOT NULL PRIMARY KEY,
    partnership_id      BIGINT         NOT NULL REFERENCES partnership (id),
    teachers_enrolled   INTEGER        NOT NULL,
    teachers_completed  INTEGER        NOT NULL,
    teachers_retained   INTEGER        NOT NULL,
    total_pd_hours      INTEGER        NOT NULL,
    pd_assessment       VARCHAR(10000),
    student_outcomes    VARCHAR(10000),
    conclusions         VARCHAR(10000),
    recommendation      VARCHAR(20),
    evaluator           VARCHAR(64),
    summarized_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    assessed_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uk_program_evaluation UNIQUE (partnership_id)
);
