-- 0022: joint actions — pilots, plans and formal cooperation the project
-- carries out with partner organisations (issue 16 §2), a synced entity like
-- the others: every column but id and updated_at is a field of the change
-- log (domain.EntityJoint). Partners, models and visits are JSON lists, as a
-- visit's organisations are; the lists are short, so queries read them
-- with json_each rather than through a derived table.
CREATE TABLE joint_actions (
    id         TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL DEFAULT 0,
    deleted    INTEGER NOT NULL DEFAULT 0,
    kind       TEXT NOT NULL DEFAULT '',
    title      TEXT NOT NULL DEFAULT '',
    orgs       TEXT NOT NULL DEFAULT '[]',
    status     TEXT NOT NULL DEFAULT '',
    start      TEXT NOT NULL DEFAULT '',
    date       TEXT NOT NULL DEFAULT '',
    models     TEXT NOT NULL DEFAULT '[]',
    notes      TEXT NOT NULL DEFAULT '',
    outcome    TEXT NOT NULL DEFAULT '',
    visits     TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX joint_actions_date ON joint_actions(date) WHERE deleted = 0;
