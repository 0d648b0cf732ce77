-- 0028: each visit and joint action names the project partner it is
-- reported under (the recording advisor's partner organisation, from the
-- device's profile) and that partner's national side (SE/NO), so a report
-- can split every figure by partner and by side. Synced fields `partner`
-- and `side`. Records from before this version stay unstamped here: only
-- the device that recorded one knows its partner, and it stamps its own
-- records once through the change log (data/partner_stamp.go), so the
-- stamp reaches every device; what stays unstamped is "partner not given".
ALTER TABLE visits ADD COLUMN partner TEXT NOT NULL DEFAULT '';
ALTER TABLE visits ADD COLUMN side TEXT NOT NULL DEFAULT '';
ALTER TABLE joint_actions ADD COLUMN partner TEXT NOT NULL DEFAULT '';
ALTER TABLE joint_actions ADD COLUMN side TEXT NOT NULL DEFAULT '';
