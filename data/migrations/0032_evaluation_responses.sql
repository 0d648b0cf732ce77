-- 0032: evaluation responses (issue 17 §1) — one respondent's answers to one
-- questionnaire version, a synced entity like the others: every column but
-- id and updated_at is a field of the change log (domain.EntityResponse).
-- No name or other identity. The answers are one field, a JSON object that
-- names its form and version, so a response is checked as a whole against
-- the form it answers; the results select by form through the index on the
-- form's id inside it.
CREATE TABLE responses (
    id         TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL DEFAULT 0,
    deleted    INTEGER NOT NULL DEFAULT 0,
    answers    TEXT NOT NULL DEFAULT '',
    visit_id   TEXT NOT NULL DEFAULT '',
    joint_id   TEXT NOT NULL DEFAULT '',
    date       TEXT NOT NULL DEFAULT '',
    timing     TEXT NOT NULL DEFAULT '',
    gender     TEXT NOT NULL DEFAULT '',
    age_band   TEXT NOT NULL DEFAULT '',
    country    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX responses_form ON responses(json_extract(answers, '$.form'), date) WHERE deleted = 0 AND json_valid(answers);
