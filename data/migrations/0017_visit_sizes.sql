-- 0017: each visit keeps the size class of its organisations when the visit
-- was recorded ("ORGID=CLASS", class empty when the headcount was not
-- known), so a period's size split no longer moves when a headcount is
-- edited later. Synced field `sizes`. Visits recorded before this version
-- take the size their organisations have now: the best there is. This fill
-- is done on every device alike and is not a change of its own: the log
-- carries a visit's sizes once an advisor records or edits it.
ALTER TABLE visits ADD COLUMN sizes TEXT NOT NULL DEFAULT '[]';

UPDATE visits SET sizes = coalesce((
    SELECT json_group_array(entry) FROM (
        SELECT j.value || '=' || CASE
            WHEN o.employees IS NULL OR o.employees < 0 THEN ''
            WHEN o.employees < 10 THEN 'micro'
            WHEN o.employees < 50 THEN 'small'
            WHEN o.employees < 250 THEN 'medium'
            ELSE 'large' END AS entry
        FROM json_each(visits.orgs) j JOIN organisations o ON o.id = j.value
        ORDER BY entry)), '[]')
WHERE json_valid(orgs) AND json_type(orgs) = 'array';
