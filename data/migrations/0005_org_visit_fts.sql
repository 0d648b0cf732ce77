-- 0005: one search document per organisation holding the notes of all its
-- visits, so "which clients talked about patents?" is one full-text lookup
-- over 10,000 documents instead of a join through 100,000 visits. Rowid is
-- the organisation's rowid; kept by the apply path. Never synced.
CREATE VIRTUAL TABLE org_visit_fts USING fts5(
    notes, tokenize = 'unicode61 remove_diacritics 2');

INSERT INTO org_visit_fts(rowid, notes)
    SELECT o.rowid, group_concat(v.notes, char(10))
    FROM organisations o
    JOIN visit_orgs vo ON vo.org_id = o.id
    JOIN visits v ON v.id = vo.visit_id AND v.deleted = 0
    GROUP BY o.rowid;
