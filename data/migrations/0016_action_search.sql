-- 0016: the Follow-ups screen searches the texts of actions, folded and
-- found inside words as organisations and visits are (see 0014). Derived,
-- contentless, kept by triggers; nothing synced changes.
CREATE VIRTUAL TABLE action_fts USING fts5(text, content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE action_tri USING fts5(text, content = '', contentless_delete = 1,
    tokenize = 'trigram remove_diacritics 1');

CREATE TRIGGER actions_fts_insert AFTER INSERT ON actions
WHEN new.rowid <= coalesce((SELECT above FROM fts_defer WHERE tbl = 'actions'), new.rowid) BEGIN
    INSERT INTO action_fts(rowid, text) VALUES (new.rowid, CASE WHEN new.text GLOB '*[øØæÆœŒßẞđĐðÐłŁþÞ]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.text, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th') ELSE new.text END);
    INSERT INTO action_tri(rowid, text) VALUES (new.rowid, CASE WHEN new.text GLOB '*[øØæÆœŒßẞđĐðÐłŁþÞ]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.text, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th') ELSE new.text END);
END;
CREATE TRIGGER actions_fts_update AFTER UPDATE OF text ON actions
WHEN old.rowid <= coalesce((SELECT above FROM fts_defer WHERE tbl = 'actions'), old.rowid) BEGIN
    DELETE FROM action_fts WHERE rowid = old.rowid;
    DELETE FROM action_tri WHERE rowid = old.rowid;
    INSERT INTO action_fts(rowid, text) VALUES (new.rowid, CASE WHEN new.text GLOB '*[øØæÆœŒßẞđĐðÐłŁþÞ]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.text, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th') ELSE new.text END);
    INSERT INTO action_tri(rowid, text) VALUES (new.rowid, CASE WHEN new.text GLOB '*[øØæÆœŒßẞđĐðÐłŁþÞ]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.text, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th') ELSE new.text END);
END;
INSERT INTO action_fts(rowid, text) SELECT rowid, CASE WHEN text GLOB '*[øØæÆœŒßẞđĐðÐłŁþÞ]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(text, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th') ELSE text END FROM actions;
INSERT INTO action_tri(rowid, text) SELECT rowid, CASE WHEN text GLOB '*[øØæÆœŒßẞđĐðÐłŁþÞ]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(text, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th') ELSE text END FROM actions;
