-- 0023: erasures (GDPR art. 17). An erasure is a synced change (entity
-- "erasure", field "erased", its value naming a record and its personal
-- fields); every device that applies it blanks those fields' values in the
-- row, the log (changes, change_runs), the conflicts and the backups, and
-- from then on blanks any older value of them that arrives later. Derived
-- from the log, like conflicts_settled. IF NOT EXISTS: a backup of an older
-- version gets the table when it is erased, and is migrated later.
CREATE TABLE IF NOT EXISTS erasures (
    entity TEXT NOT NULL,
    id     TEXT NOT NULL,
    fields TEXT NOT NULL,              -- JSON list of the erased fields
    hlc    INTEGER NOT NULL,           -- values stamped at or before it are erased
    PRIMARY KEY (entity, id)
) WITHOUT ROWID;

-- Which devices report an erasure complete: its values gone from their
-- database, backups and own bundles in the shared folder (a synced change,
-- field "done:<device>").
CREATE TABLE IF NOT EXISTS erasures_done (
    entity TEXT NOT NULL,
    id     TEXT NOT NULL,
    device TEXT NOT NULL,
    hlc    INTEGER NOT NULL,           -- the erasure's clock the device completed
    PRIMARY KEY (entity, id, device)
) WITHOUT ROWID;
