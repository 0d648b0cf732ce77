-- 0003: per-organisation visit statistics (latest visit date, number of
-- visits), derived from visits by the apply path so the organisation list
-- never aggregates 100,000 visits to show 10,000 rows. Never synced.
CREATE TABLE org_stats (
    org_id     TEXT PRIMARY KEY,
    last_visit TEXT NOT NULL,
    visits     INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO org_stats(org_id, last_visit, visits)
    SELECT vo.org_id, MAX(v.date), COUNT(*)
    FROM visit_orgs vo JOIN visits v ON v.id = vo.visit_id AND v.deleted = 0
    GROUP BY vo.org_id;
