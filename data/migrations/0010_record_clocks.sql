-- 0010: field clocks packed per record. One row per record holds the winning
-- change of each of its fields, instead of one row per field: an import of
-- a colleague's records writes one clock row per record rather than ten, and
-- a record's clocks are one lookup. The blob (data/recclocks.go) is a
-- sequence of entries, one per field:
--   u8 len(field), field, uvarint len(device), device (length 0: the previous
--   entry's device), 8-byte big-endian hlc, seq, base.
-- Device-local, like clocks before it: derived from the change log.
CREATE TABLE record_clocks (
    entity TEXT NOT NULL,
    id     TEXT NOT NULL,
    clocks BLOB NOT NULL,
    PRIMARY KEY (entity, id)
) WITHOUT ROWID;

INSERT INTO record_clocks(entity, id, clocks)
SELECT entity, id, unhex(group_concat(
    printf('%02X', length(CAST(field AS BLOB))) || hex(field) ||
    CASE
        WHEN length(CAST(device AS BLOB)) < 128 THEN printf('%02X', length(CAST(device AS BLOB)))
        WHEN length(CAST(device AS BLOB)) < 16384 THEN printf('%02X%02X',
            length(CAST(device AS BLOB)) % 128 + 128, length(CAST(device AS BLOB)) / 128)
        ELSE printf('%02X%02X%02X', length(CAST(device AS BLOB)) % 128 + 128,
            length(CAST(device AS BLOB)) / 128 % 128 + 128, length(CAST(device AS BLOB)) / 16384)
    END || hex(device) ||
    printf('%016X%016X%016X', hlc, seq, base), ''))
FROM clocks
GROUP BY entity, id;

DROP TABLE clocks;
