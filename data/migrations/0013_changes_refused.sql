-- 0013: changes from elsewhere kept aside. A change whose clock is out of
-- range or whose value no form would store stays in the log (it is passed
-- on, nothing is lost) but is never applied; this table names each one and
-- why, for `ilsa check` and the Sync screen. Device-local: derived from the
-- log by the rules of the version that imported it.
CREATE TABLE changes_refused (
    device TEXT NOT NULL,
    seq    INTEGER NOT NULL,
    entity TEXT NOT NULL,
    id     TEXT NOT NULL,
    field  TEXT NOT NULL,
    reason TEXT NOT NULL, -- "clock" or "value"
    detail TEXT NOT NULL, -- the validation code of a refused value
    PRIMARY KEY (device, seq)
) WITHOUT ROWID;
