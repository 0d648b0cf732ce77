-- 0027: submitted reports — a period's funder figures as the project lead
-- submitted them, frozen with the ids behind each figure (issue 16 §3). A
-- synced entity (domain.EntitySubmission) that is never edited: the change
-- log refuses a change to one once it exists (changelog frozen entities).
-- The snapshot is a versioned, compressed text (indicators.EncodeSnapshot).
CREATE TABLE report_submissions (
    id            TEXT PRIMARY KEY,
    created_at    INTEGER NOT NULL DEFAULT 0,
    updated_at    INTEGER NOT NULL DEFAULT 0,
    deleted       INTEGER NOT NULL DEFAULT 0,
    period_from   TEXT NOT NULL DEFAULT '',
    period_to     TEXT NOT NULL DEFAULT '',
    project_start TEXT NOT NULL DEFAULT '',
    advisor       TEXT NOT NULL DEFAULT '',
    partner       TEXT NOT NULL DEFAULT '',
    note          TEXT NOT NULL DEFAULT '',
    snapshot      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX report_submissions_period ON report_submissions(period_from, period_to);
