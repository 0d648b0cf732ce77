-- 0026: the vocabularies of the word indexes of notes and visit notes, read
-- by Store.PrepareSearch so a word inside a compound is found there too
-- ("balkar" finds "limträbalkar") without a trigram index, which halved the
-- import rate (0014). fts5vocab tables hold no data of their own.
CREATE VIRTUAL TABLE org_vocab USING fts5vocab(org_fts, row);
CREATE VIRTUAL TABLE org_visit_vocab USING fts5vocab(org_visit_fts, row);
CREATE VIRTUAL TABLE visit_vocab USING fts5vocab(visit_fts, row);
