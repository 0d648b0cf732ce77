-- 0011: the log of a bulk import packed into runs. An import of a log bundle
-- whose range this device has never seen writes its log entries as runs of
-- up to 1024 contiguous changes of one device, one row each, instead of one
-- `changes` row per change (which costs more than applying the change).
-- `changes` keeps local edits, clones and imports that overlap what is known.
-- A (device, seq) is in at most one of the two. The blob (data/changeruns.go)
-- holds change number i (from 0, seq = first_seq + i) as:
--   zigzag varint (hlc − previous hlc), uvarint base,
--   uvarint len(entity)+1 (0: the previous entity), entity,
--   uvarint len(id)+1 (0: the previous id), id,
--   uvarint len(field), field, uvarint len(value), value.
CREATE TABLE change_runs (
    device    TEXT NOT NULL,
    first_seq INTEGER NOT NULL,
    last_seq  INTEGER NOT NULL,
    data      BLOB NOT NULL,
    PRIMARY KEY (device, first_seq)
);
