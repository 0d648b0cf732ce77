-- 0012: conflicts settled on any device. Resolving a conflict writes a
-- synced change (entity "conflict", field "settled", its value naming the
-- conflict by field and losing change), so every device that recorded the
-- same conflict marks it resolved, also one that records it only later.
-- Device-local, like record_clocks: derived from the change log.
CREATE TABLE conflicts_settled (
    entity       TEXT NOT NULL,
    id           TEXT NOT NULL,
    field        TEXT NOT NULL,
    loser_device TEXT NOT NULL,
    loser_hlc    INTEGER NOT NULL,
    PRIMARY KEY (entity, id, field, loser_device, loser_hlc)
) WITHOUT ROWID;
