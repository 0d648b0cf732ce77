-- 0031: the project's findings log (issue 17 §3): findings, experiences,
-- methods tried and benchmarks, each tagged with one of the project's five
-- steps and linked to organisations, joint actions, models and evaluation
-- questionnaires (JSON lists, like a joint action's). A synced entity:
-- every column but id and updated_at is a field of the change log
-- (domain.EntityFinding); the entry's text is "body", since "text" names an
-- action's text in messages. Entries are few (hundreds), so they are searched
-- as read, folded like every search, rather than through an index.
CREATE TABLE findings (
    id         TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL DEFAULT 0,
    deleted    INTEGER NOT NULL DEFAULT 0,
    kind       TEXT NOT NULL DEFAULT '',
    step       TEXT NOT NULL DEFAULT '',
    date       TEXT NOT NULL DEFAULT '',
    body       TEXT NOT NULL DEFAULT '',
    source     TEXT NOT NULL DEFAULT '',
    author     TEXT NOT NULL DEFAULT '',
    orgs       TEXT NOT NULL DEFAULT '[]',
    joints     TEXT NOT NULL DEFAULT '[]',
    models     TEXT NOT NULL DEFAULT '[]',
    forms      TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX findings_date ON findings(date) WHERE deleted = 0;
