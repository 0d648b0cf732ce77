-- 0009: what sync has done with bundles, and files waiting for a retry.
-- Device-local; never synced.

-- Every bundle imported from, written to, or quarantined in a shared folder
-- or a file, keyed by what identifies its content: (device, seq range, hash).
-- A row is written in the same transaction as the bundle's changes, so after
-- a crash a bundle is either wholly imported and recorded, or neither.
--   status: imported | written (this device's own) | quarantined
CREATE TABLE sync_bundles (
    device      TEXT NOT NULL,
    first_seq   INTEGER NOT NULL,
    last_seq    INTEGER NOT NULL,
    hash        TEXT NOT NULL,          -- full sha256 (hex) of the bundle
    kind        TEXT NOT NULL,          -- log | export
    file        TEXT NOT NULL DEFAULT '',
    folder      TEXT NOT NULL DEFAULT '', -- the shared folder, for written bundles
    status      TEXT NOT NULL,
    changes     INTEGER NOT NULL DEFAULT 0,
    imported_at INTEGER NOT NULL,       -- Unix ms
    reason      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (device, first_seq, last_seq, hash)
) WITHOUT ROWID;
CREATE INDEX sync_bundles_written ON sync_bundles(folder, last_seq) WHERE status = 'written';

-- Files that could not be imported (unreadable, half-synced, damaged), so a
-- sync reports them without re-reading an unchanged damaged file every few
-- minutes, and retries when the file changes (or always, for reasons that
-- may pass: permission denied, truncated).
CREATE TABLE sync_pending (
    path       TEXT PRIMARY KEY,
    size       INTEGER NOT NULL,
    mtime      INTEGER NOT NULL,        -- Unix ns
    reason     TEXT NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 1,
    first_seen INTEGER NOT NULL,        -- Unix ms
    last_seen  INTEGER NOT NULL
) WITHOUT ROWID;

-- Changes kept under a derived device id because another change already had
-- their (device, seq): a cloned installation. Reported, never lost.
CREATE TABLE sync_clones (
    device   TEXT NOT NULL,             -- the device id both installations used
    seq      INTEGER NOT NULL,
    derived  TEXT NOT NULL,             -- the device id the change is kept under
    found_at INTEGER NOT NULL,
    PRIMARY KEY (derived, seq)
) WITHOUT ROWID;

-- Full-text indexing of rows an import creates, deferred to one INSERT …
-- SELECT at the end of the import's transaction: through the triggers each
-- row costs a full-text statement of its own, twenty times the price. While
-- fts_defer holds (table, above) inside an import transaction, rows of that
-- table with rowid > above (created by this transaction; rows are never
-- deleted, so new rowids only grow) are skipped by the triggers and indexed
-- before commit. Outside such a transaction the table is empty and the
-- triggers index every row as before.
CREATE TABLE fts_defer (
    tbl   TEXT PRIMARY KEY,
    above INTEGER NOT NULL
) WITHOUT ROWID;

DROP TRIGGER organisations_fts_insert;
CREATE TRIGGER organisations_fts_insert AFTER INSERT ON organisations
WHEN new.rowid <= coalesce((SELECT above FROM fts_defer WHERE tbl = 'organisations'), new.rowid) BEGIN
    INSERT INTO org_fts(rowid, name, orgnr, notes) VALUES (new.rowid, new.name, new.orgnr, new.notes);
END;
DROP TRIGGER organisations_fts_update;
CREATE TRIGGER organisations_fts_update AFTER UPDATE OF name, orgnr, notes ON organisations
WHEN old.rowid <= coalesce((SELECT above FROM fts_defer WHERE tbl = 'organisations'), old.rowid) BEGIN
    INSERT INTO org_fts(org_fts, rowid, name, orgnr, notes) VALUES ('delete', old.rowid, old.name, old.orgnr, old.notes);
    INSERT INTO org_fts(rowid, name, orgnr, notes) VALUES (new.rowid, new.name, new.orgnr, new.notes);
END;
DROP TRIGGER visits_fts_insert;
CREATE TRIGGER visits_fts_insert AFTER INSERT ON visits
WHEN new.rowid <= coalesce((SELECT above FROM fts_defer WHERE tbl = 'visits'), new.rowid) BEGIN
    INSERT INTO visit_fts(rowid, notes, place) VALUES (new.rowid, new.notes, new.place);
END;
DROP TRIGGER visits_fts_update;
CREATE TRIGGER visits_fts_update AFTER UPDATE OF notes, place ON visits
WHEN old.rowid <= coalesce((SELECT above FROM fts_defer WHERE tbl = 'visits'), old.rowid) BEGIN
    INSERT INTO visit_fts(visit_fts, rowid, notes, place) VALUES ('delete', old.rowid, old.notes, old.place);
    INSERT INTO visit_fts(rowid, notes, place) VALUES (new.rowid, new.notes, new.place);
END;
