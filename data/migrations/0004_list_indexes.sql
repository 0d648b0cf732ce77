-- 0004: indexes for the newest-first visit list (so "the last 5 visits"
-- reads 5 index entries, not 100,000 rows) and for open follow-ups by due date.
DROP INDEX visits_date;
CREATE INDEX visits_newest ON visits(date, created_at, id);
-- Covering for counts of open follow-ups by due date (Today's "12 overdue").
CREATE INDEX actions_open_due ON actions(done, due, deleted, org_id);
