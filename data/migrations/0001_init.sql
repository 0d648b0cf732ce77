-- 0001: the first schema: synced entities, their field clocks, the change log,
-- conflicts, device-local settings and full-text search.

-- Device-local key/value facts: device id, next sequence number, profile,
-- settings. Never synced, never in `ilsa dump`.
CREATE TABLE local (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Synced entities. Every column but id is a field of the change log; the
-- values here are the current winners. created_at/updated_at are Unix ms:
-- created_at is a field, updated_at is the newest winning change's wall time
-- (so two devices that saw the same changes agree on it).
-- References between entities (contact → organisation, …) carry no FOREIGN
-- KEY: changes arrive in any order through sync, so a contact may be known
-- before its organisation. Local writes check references in Go.
CREATE TABLE organisations (
    id                   TEXT PRIMARY KEY,
    created_at           INTEGER NOT NULL DEFAULT 0,
    updated_at           INTEGER NOT NULL DEFAULT 0,
    deleted              INTEGER NOT NULL DEFAULT 0,
    name                 TEXT NOT NULL DEFAULT '',
    orgnr                TEXT NOT NULL DEFAULT '',
    country              TEXT NOT NULL DEFAULT '',
    municipality         TEXT NOT NULL DEFAULT '',
    sector               TEXT NOT NULL DEFAULT '',
    kind                 TEXT NOT NULL DEFAULT '',
    employees            INTEGER,
    leader_gender        TEXT NOT NULL DEFAULT '',
    sustainability       TEXT NOT NULL DEFAULT '',
    sustainability_notes TEXT NOT NULL DEFAULT '',
    notes                TEXT NOT NULL DEFAULT '',
    tags                 TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX organisations_name ON organisations(name COLLATE NOCASE);
CREATE INDEX organisations_orgnr ON organisations(orgnr) WHERE orgnr <> '';

CREATE TABLE contacts (
    id           TEXT PRIMARY KEY,
    created_at   INTEGER NOT NULL DEFAULT 0,
    updated_at   INTEGER NOT NULL DEFAULT 0,
    deleted      INTEGER NOT NULL DEFAULT 0,
    org_id       TEXT NOT NULL DEFAULT '',
    name         TEXT NOT NULL DEFAULT '',
    role         TEXT NOT NULL DEFAULT '',
    email        TEXT NOT NULL DEFAULT '',
    phone        TEXT NOT NULL DEFAULT '',
    gender       TEXT NOT NULL DEFAULT '',
    consent_date TEXT NOT NULL DEFAULT ''
);
CREATE INDEX contacts_org ON contacts(org_id);

CREATE TABLE visits (
    id           TEXT PRIMARY KEY,
    created_at   INTEGER NOT NULL DEFAULT 0,
    updated_at   INTEGER NOT NULL DEFAULT 0,
    deleted      INTEGER NOT NULL DEFAULT 0,
    date         TEXT NOT NULL DEFAULT '',
    orgs         TEXT NOT NULL DEFAULT '[]',
    type         TEXT NOT NULL DEFAULT '',
    minutes      INTEGER NOT NULL DEFAULT 0,
    place        TEXT NOT NULL DEFAULT '',
    advisor      TEXT NOT NULL DEFAULT '',
    women        INTEGER NOT NULL DEFAULT 0,
    men          INTEGER NOT NULL DEFAULT 0,
    other        INTEGER NOT NULL DEFAULT 0,
    phase        TEXT NOT NULL DEFAULT '',
    cross_border INTEGER NOT NULL DEFAULT 0,
    notes        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX visits_date ON visits(date);

-- Derived from visits.orgs by the apply path, for joins; rebuilt, never synced.
CREATE TABLE visit_orgs (
    visit_id TEXT NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
    org_id   TEXT NOT NULL,
    PRIMARY KEY (visit_id, org_id)
) WITHOUT ROWID;
CREATE INDEX visit_orgs_org ON visit_orgs(org_id, visit_id);

CREATE TABLE actions (
    id         TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL DEFAULT 0,
    deleted    INTEGER NOT NULL DEFAULT 0,
    org_id     TEXT NOT NULL DEFAULT '',
    visit_id   TEXT NOT NULL DEFAULT '',
    text       TEXT NOT NULL DEFAULT '',
    owner      TEXT NOT NULL DEFAULT '',
    due        TEXT NOT NULL DEFAULT '',
    done       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX actions_org ON actions(org_id);
CREATE INDEX actions_due ON actions(due) WHERE done = '' AND deleted = 0;

-- The winning change per field: its clock, its device and sequence number (the
-- tie-breaks, so the order of changes is total) and the
-- clock of the value its author saw (to tell a concurrent edit from a
-- sequential one).
CREATE TABLE clocks (
    entity TEXT NOT NULL,
    id     TEXT NOT NULL,
    field  TEXT NOT NULL,
    hlc    INTEGER NOT NULL,
    device TEXT NOT NULL,
    seq    INTEGER NOT NULL,
    base   INTEGER NOT NULL,
    PRIMARY KEY (entity, id, field)
) WITHOUT ROWID;

-- The change log: every field change this device has applied, local or
-- imported, identified by (device, seq) where seq counts that device's changes.
CREATE TABLE changes (
    device TEXT NOT NULL,
    seq    INTEGER NOT NULL,
    hlc    INTEGER NOT NULL,
    base   INTEGER NOT NULL,
    entity TEXT NOT NULL,
    id     TEXT NOT NULL,
    field  TEXT NOT NULL,
    value  TEXT NOT NULL,
    PRIMARY KEY (device, seq)
) WITHOUT ROWID;

-- Concurrent edits: the value that lost, kept for review. Device-local.
CREATE TABLE conflicts (
    n             INTEGER PRIMARY KEY,
    entity        TEXT NOT NULL,
    id            TEXT NOT NULL,
    field         TEXT NOT NULL,
    winner_value  TEXT NOT NULL,
    winner_hlc    INTEGER NOT NULL,
    winner_device TEXT NOT NULL,
    loser_value   TEXT NOT NULL,
    loser_hlc     INTEGER NOT NULL,
    loser_device  TEXT NOT NULL,
    resolved      INTEGER NOT NULL DEFAULT 0,
    UNIQUE (entity, id, field, loser_device, loser_hlc)
);

-- Full-text search over organisations and visit notes (external content:
-- the text lives once, in the tables above; triggers keep the index).
CREATE VIRTUAL TABLE org_fts USING fts5(
    name, orgnr, notes, content='organisations', content_rowid='rowid',
    tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER organisations_fts_insert AFTER INSERT ON organisations BEGIN
    INSERT INTO org_fts(rowid, name, orgnr, notes) VALUES (new.rowid, new.name, new.orgnr, new.notes);
END;
CREATE TRIGGER organisations_fts_update AFTER UPDATE OF name, orgnr, notes ON organisations BEGIN
    INSERT INTO org_fts(org_fts, rowid, name, orgnr, notes) VALUES ('delete', old.rowid, old.name, old.orgnr, old.notes);
    INSERT INTO org_fts(rowid, name, orgnr, notes) VALUES (new.rowid, new.name, new.orgnr, new.notes);
END;

CREATE VIRTUAL TABLE visit_fts USING fts5(
    notes, place, content='visits', content_rowid='rowid',
    tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER visits_fts_insert AFTER INSERT ON visits BEGIN
    INSERT INTO visit_fts(rowid, notes, place) VALUES (new.rowid, new.notes, new.place);
END;
CREATE TRIGGER visits_fts_update AFTER UPDATE OF notes, place ON visits BEGIN
    INSERT INTO visit_fts(visit_fts, rowid, notes, place) VALUES ('delete', old.rowid, old.notes, old.place);
    INSERT INTO visit_fts(rowid, notes, place) VALUES (new.rowid, new.notes, new.place);
END;
