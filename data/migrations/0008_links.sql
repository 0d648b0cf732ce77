-- 0008: an action can serve one dimension of a model (the client's target
-- there), and an organisation merged into another keeps a pointer to it so
-- records that arrive later for the old id still find their way.
ALTER TABLE actions ADD COLUMN model_id TEXT NOT NULL DEFAULT '';
ALTER TABLE actions ADD COLUMN dimension TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN merged_into TEXT NOT NULL DEFAULT '';
CREATE INDEX actions_dimension ON actions(org_id, model_id, dimension) WHERE deleted = 0 AND model_id != '';
