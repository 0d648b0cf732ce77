-- 0029: relations between organisations — member of, supported by, partner
-- of, funded by, spin-off of — the innovation system's network (issue 17
-- §2), a synced entity like the others: every column but id and updated_at
-- is a field of the change log (domain.EntityRelation).
CREATE TABLE relations (
    id         TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL DEFAULT 0,
    deleted    INTEGER NOT NULL DEFAULT 0,
    from_org   TEXT NOT NULL DEFAULT '',
    to_org     TEXT NOT NULL DEFAULT '',
    kind       TEXT NOT NULL DEFAULT '',
    start_date TEXT NOT NULL DEFAULT '',
    end_date   TEXT NOT NULL DEFAULT '',
    notes      TEXT NOT NULL DEFAULT ''
);
-- An organisation's relations are read both ways, by either end.
CREATE INDEX relations_from ON relations(from_org) WHERE deleted = 0;
CREATE INDEX relations_to ON relations(to_org) WHERE deleted = 0;
