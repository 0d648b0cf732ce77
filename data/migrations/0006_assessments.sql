-- 0006: assessments with a model, and their answers. An answer is its own
-- entity with the id "<assessment id>/<dimension id>", so two advisors who
-- fill in different dimensions of the same assessment never conflict.
CREATE TABLE assessments (
    id            TEXT PRIMARY KEY,
    created_at    INTEGER NOT NULL DEFAULT 0,
    updated_at    INTEGER NOT NULL DEFAULT 0,
    deleted       INTEGER NOT NULL DEFAULT 0,
    org_id        TEXT NOT NULL DEFAULT '',
    visit_id      TEXT NOT NULL DEFAULT '',
    model_id      TEXT NOT NULL DEFAULT '',
    model_version INTEGER NOT NULL DEFAULT 0,
    date          TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL DEFAULT '',
    comment       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX assessments_org ON assessments(org_id, date);

CREATE TABLE assessment_answers (
    id            TEXT PRIMARY KEY,
    created_at    INTEGER NOT NULL DEFAULT 0,
    updated_at    INTEGER NOT NULL DEFAULT 0,
    deleted       INTEGER NOT NULL DEFAULT 0,
    assessment_id TEXT NOT NULL DEFAULT '',
    dimension     TEXT NOT NULL DEFAULT '',
    level         INTEGER,
    text          TEXT NOT NULL DEFAULT '',
    applies       INTEGER NOT NULL DEFAULT 0,
    comment       TEXT NOT NULL DEFAULT '',
    target        INTEGER,
    target_due    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX assessment_answers_assessment ON assessment_answers(assessment_id);
