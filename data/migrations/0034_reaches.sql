-- 0034: the project's "second wave" (issue 17 §3): an innovation actor
-- records the enterprises it reached with what it learnt in the project,
-- named (orgs, a JSON list) or counted (others). A synced entity: every
-- column but id and updated_at is a field of the change log
-- (domain.EntityReach).
CREATE TABLE reaches (
    id         TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL DEFAULT 0,
    deleted    INTEGER NOT NULL DEFAULT 0,
    actor      TEXT NOT NULL DEFAULT '',
    date       TEXT NOT NULL DEFAULT '',
    orgs       TEXT NOT NULL DEFAULT '[]',
    others     INTEGER NOT NULL DEFAULT 0,
    notes      TEXT NOT NULL DEFAULT '',
    models     TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX reaches_actor ON reaches(actor) WHERE deleted = 0;
CREATE INDEX reaches_date ON reaches(date) WHERE deleted = 0;
