-- 0007: collation keys of organisation names, one per reader's language, so
-- the list sorts in SQL the way each reader expects (Swedish Å Ä Ö after Z,
-- Norwegian Æ Ø Å, English Å as A). Derived from name by the apply path;
-- filled for existing rows when the store opens. Never synced.
ALTER TABLE organisations ADD COLUMN sort_sv BLOB;
ALTER TABLE organisations ADD COLUMN sort_nb BLOB;
ALTER TABLE organisations ADD COLUMN sort_en BLOB;
