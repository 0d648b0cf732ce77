-- 0014: search finds what people type. Every full-text index holds its text
-- folded as domain.Fold folds what is typed (ø as o, æ as ae …; the
-- tokenizers fold case and diacritics), so "Roros" finds "Røros". Each text
-- has two indexes: unicode61 for words of one or two letters (found at the
-- start of a word) and trigram for longer ones, found anywhere in a word:
-- "balkar" finds "limträbalkar". The indexes are contentless (the folded
-- text is not the stored text) and derived: nothing synced changes.
DROP TRIGGER organisations_fts_insert;
DROP TRIGGER organisations_fts_update;
DROP TRIGGER visits_fts_insert;
DROP TRIGGER visits_fts_update;
DROP TABLE org_fts;
DROP TABLE visit_fts;
DROP TABLE org_visit_fts;

CREATE VIRTUAL TABLE org_fts USING fts5(name, orgnr, notes, content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE org_tri USING fts5(name, orgnr, notes, content = '', contentless_delete = 1,
    tokenize = 'trigram remove_diacritics 1');
CREATE VIRTUAL TABLE visit_fts USING fts5(notes, place, content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE visit_tri USING fts5(notes, place, content = '', contentless_delete = 1,
    tokenize = 'trigram remove_diacritics 1');
CREATE VIRTUAL TABLE org_visit_fts USING fts5(notes, content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE org_visit_tri USING fts5(notes, content = '', contentless_delete = 1,
    tokenize = 'trigram remove_diacritics 1');

CREATE TRIGGER organisations_fts_insert AFTER INSERT ON organisations
WHEN new.rowid <= coalesce((SELECT above FROM fts_defer WHERE tbl = 'organisations'), new.rowid) BEGIN
    INSERT INTO org_fts(rowid, name, orgnr, notes) VALUES (new.rowid,
        replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.name, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th'), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.orgnr, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th'), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.notes, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th'));
    INSERT INTO org_tri(rowid, name, orgnr, notes) VALUES (new.rowid,
        replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.name, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th'), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.orgnr, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th'), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.notes, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th'));
END;
CREATE TRIGGER organisations_fts_update AFTER UPDATE OF name, orgnr, notes ON organisations
WHEN old.rowid <= coalesce((SELECT above FROM fts_defer WHERE tbl = 'organisations'), old.rowid) BEGIN
    DELETE FROM org_fts WHERE rowid = old.rowid;
    DELETE FROM org_tri WHERE rowid = old.rowid;
    INSERT INTO org_fts(rowid, name, orgnr, notes) VALUES (new.rowid,
        replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.name, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th'), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.orgnr, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th'), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.notes, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th'));
    INSERT INTO org_tri(rowid, name, orgnr, notes) VALUES (new.rowid,
        replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.name, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th'), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.orgnr, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th'), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.notes, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th'));
END;
INSERT INTO org_fts(rowid, name, orgnr, notes)
    SELECT rowid, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(name, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th'), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(orgnr, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th'), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(notes, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th') FROM organisations;
INSERT INTO org_tri(rowid, name, orgnr, notes)
    SELECT rowid, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(name, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th'), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(orgnr, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th'), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(notes, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th') FROM organisations;

CREATE TRIGGER visits_fts_insert AFTER INSERT ON visits
WHEN new.rowid <= coalesce((SELECT above FROM fts_defer WHERE tbl = 'visits'), new.rowid) BEGIN
    INSERT INTO visit_fts(rowid, notes, place) VALUES (new.rowid,
        replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.notes, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th'), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.place, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th'));
    INSERT INTO visit_tri(rowid, notes, place) VALUES (new.rowid,
        replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.notes, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th'), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.place, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th'));
END;
CREATE TRIGGER visits_fts_update AFTER UPDATE OF notes, place ON visits
WHEN old.rowid <= coalesce((SELECT above FROM fts_defer WHERE tbl = 'visits'), old.rowid) BEGIN
    DELETE FROM visit_fts WHERE rowid = old.rowid;
    DELETE FROM visit_tri WHERE rowid = old.rowid;
    INSERT INTO visit_fts(rowid, notes, place) VALUES (new.rowid,
        replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.notes, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th'), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.place, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th'));
    INSERT INTO visit_tri(rowid, notes, place) VALUES (new.rowid,
        replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.notes, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th'), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.place, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th'));
END;
INSERT INTO visit_fts(rowid, notes, place)
    SELECT rowid, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(notes, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th'), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(place, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th') FROM visits;
INSERT INTO visit_tri(rowid, notes, place)
    SELECT rowid, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(notes, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th'), replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(place, 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th') FROM visits;

INSERT INTO org_visit_fts(rowid, notes)
    SELECT o.rowid, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(group_concat(v.notes, char(10)), 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th')
    FROM organisations o
    JOIN visit_orgs vo ON vo.org_id = o.id
    JOIN visits v ON v.id = vo.visit_id AND v.deleted = 0
    GROUP BY o.rowid;
INSERT INTO org_visit_tri(rowid, notes)
    SELECT o.rowid, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(group_concat(v.notes, char(10)), 'ø', 'o'), 'Ø', 'o'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'đ', 'd'), 'Đ', 'd'), 'ð', 'd'), 'Ð', 'd'), 'ł', 'l'), 'Ł', 'l'), 'þ', 'th'), 'Þ', 'th')
    FROM organisations o
    JOIN visit_orgs vo ON vo.org_id = o.id
    JOIN visits v ON v.id = vo.visit_id AND v.deleted = 0
    GROUP BY o.rowid;
