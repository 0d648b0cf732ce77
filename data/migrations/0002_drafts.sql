-- 0002: drafts of forms being typed, so a crash or a closed window never
-- loses text. Device-local; never synced.
CREATE TABLE drafts (
    key        TEXT PRIMARY KEY,
    body       TEXT NOT NULL,
    updated_at INTEGER NOT NULL
) WITHOUT ROWID;
