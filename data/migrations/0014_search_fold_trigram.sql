-- 0014: search finds what people type. Every full-text index holds its text
-- folded as domain.Fold folds what is typed (ø as o, æ as ae …; the
-- tokenizers fold case and diacritics), so "Roros" finds "Røros". The names
-- of organisations also have a trigram index, where words of three letters
-- or more are found anywhere in a word: "bryggan" finds "Fjällbryggan". The
-- other texts (notes, visit notes) have none: trigram indexes over them
-- doubled the cost of importing a colleague's bundle, which must stay within
-- half the rate of a plain insert (make syncbench); in them a word is found
-- from its start. The indexes are
-- contentless (the folded text is not the stored text) and derived: nothing
-- synced changes.
DROP TRIGGER organisations_fts_insert;
DROP TRIGGER organisations_fts_update;
DROP TRIGGER visits_fts_insert;
DROP TRIGGER visits_fts_update;
DROP TABLE org_fts;
DROP TABLE visit_fts;
DROP TABLE org_visit_fts;

CREATE VIRTUAL TABLE org_fts USING fts5(name, orgnr, notes, content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE org_tri USING fts5(name, content = '', contentless_delete = 1,
    tokenize = 'trigram remove_diacritics 1');
CREATE VIRTUAL TABLE visit_fts USING fts5(notes, place, content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE org_visit_fts USING fts5(notes, content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER organisations_fts_insert AFTER INSERT ON organisations
WHEN new.rowid <= coalesce((SELECT above FROM fts_defer WHERE tbl = 'organisations'), new.rowid) BEGIN
    INSERT INTO org_fts(rowid, name, orgnr, notes) VALUES (new.rowid,
        CASE WHEN new.name GLOB '*[øØæÆœŒßẞđĐðÐłŁþÞ]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.name, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th') ELSE new.name END, CASE WHEN new.orgnr GLOB '*[øØæÆœŒßẞđĐðÐłŁþÞ]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.orgnr, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th') ELSE new.orgnr END, CASE WHEN new.notes GLOB '*[øØæÆœŒßẞđĐðÐłŁþÞ]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.notes, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th') ELSE new.notes END);
    INSERT INTO org_tri(rowid, name) VALUES (new.rowid,
        CASE WHEN new.name GLOB '*[øØæÆœŒßẞđĐðÐłŁþÞ]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.name, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th') ELSE new.name END);
END;
CREATE TRIGGER organisations_fts_update AFTER UPDATE OF name, orgnr, notes ON organisations
WHEN old.rowid <= coalesce((SELECT above FROM fts_defer WHERE tbl = 'organisations'), old.rowid) BEGIN
    DELETE FROM org_fts WHERE rowid = old.rowid;
    DELETE FROM org_tri WHERE rowid = old.rowid;
    INSERT INTO org_fts(rowid, name, orgnr, notes) VALUES (new.rowid,
        CASE WHEN new.name GLOB '*[øØæÆœŒßẞđĐðÐłŁþÞ]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.name, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th') ELSE new.name END, CASE WHEN new.orgnr GLOB '*[øØæÆœŒßẞđĐðÐłŁþÞ]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.orgnr, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th') ELSE new.orgnr END, CASE WHEN new.notes GLOB '*[øØæÆœŒßẞđĐðÐłŁþÞ]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.notes, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th') ELSE new.notes END);
    INSERT INTO org_tri(rowid, name) VALUES (new.rowid,
        CASE WHEN new.name GLOB '*[øØæÆœŒßẞđĐðÐłŁþÞ]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.name, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th') ELSE new.name END);
END;
INSERT INTO org_fts(rowid, name, orgnr, notes)
    SELECT rowid, CASE WHEN name GLOB '*[øØæÆœŒßẞđĐðÐłŁþÞ]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(name, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th') ELSE name END, CASE WHEN orgnr GLOB '*[øØæÆœŒßẞđĐðÐłŁþÞ]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(orgnr, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th') ELSE orgnr END, CASE WHEN notes GLOB '*[øØæÆœŒßẞđĐðÐłŁþÞ]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(notes, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th') ELSE notes END FROM organisations;
INSERT INTO org_tri(rowid, name)
    SELECT rowid, CASE WHEN name GLOB '*[øØæÆœŒßẞđĐðÐłŁþÞ]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(name, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th') ELSE name END FROM organisations;

CREATE TRIGGER visits_fts_insert AFTER INSERT ON visits
WHEN new.rowid <= coalesce((SELECT above FROM fts_defer WHERE tbl = 'visits'), new.rowid) BEGIN
    INSERT INTO visit_fts(rowid, notes, place) VALUES (new.rowid,
        CASE WHEN new.notes GLOB '*[øØæÆœŒßẞđĐðÐłŁþÞ]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.notes, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th') ELSE new.notes END, CASE WHEN new.place GLOB '*[øØæÆœŒßẞđĐðÐłŁþÞ]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.place, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th') ELSE new.place END);
END;
CREATE TRIGGER visits_fts_update AFTER UPDATE OF notes, place ON visits
WHEN old.rowid <= coalesce((SELECT above FROM fts_defer WHERE tbl = 'visits'), old.rowid) BEGIN
    DELETE FROM visit_fts WHERE rowid = old.rowid;
    INSERT INTO visit_fts(rowid, notes, place) VALUES (new.rowid,
        CASE WHEN new.notes GLOB '*[øØæÆœŒßẞđĐðÐłŁþÞ]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.notes, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th') ELSE new.notes END, CASE WHEN new.place GLOB '*[øØæÆœŒßẞđĐðÐłŁþÞ]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.place, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th') ELSE new.place END);
END;
INSERT INTO visit_fts(rowid, notes, place)
    SELECT rowid, CASE WHEN notes GLOB '*[øØæÆœŒßẞđĐðÐłŁþÞ]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(notes, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th') ELSE notes END, CASE WHEN place GLOB '*[øØæÆœŒßẞđĐðÐłŁþÞ]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(place, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th') ELSE place END FROM visits;

INSERT INTO org_visit_fts(rowid, notes)
    SELECT o.rowid, group_concat(CASE WHEN v.notes GLOB '*[øØæÆœŒßẞđĐðÐłŁþÞ]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(v.notes, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th') ELSE v.notes END, char(10))
    FROM organisations o
    JOIN visit_orgs vo ON vo.org_id = o.id
    JOIN visits v ON v.id = vo.visit_id AND v.deleted = 0
    GROUP BY o.rowid;
