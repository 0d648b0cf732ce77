-- 0021: the organisation list in each reader's alphabetical order, as an
-- index holding what the order and the list's filters need (country,
-- municipality, sector, kind, size), so a filtered list is read from the
-- index alone too. The Organisations screen lists
-- the ids of every match in this order and reads whole rows a page at a
-- time (Store.ListOrganisations): reading 10,000 sort keys from the table
-- itself walked every organisation's notes. Partial, as the list shows the
-- live ones only.
--
-- The sort keys are cleared first, as in 0015: a number of zeros followed by
-- more text ("Fas 0 Förstudie") now sorts before 1 (domain.SortKey); the
-- store computes the keys again when it opens. Nothing synced changes.
UPDATE organisations SET sort_sv = NULL, sort_nb = NULL, sort_en = NULL;
CREATE INDEX organisations_list_sv ON organisations(sort_sv, name COLLATE NOCASE, id,
    country, municipality, sector, kind, employees) WHERE deleted = 0;
CREATE INDEX organisations_list_nb ON organisations(sort_nb, name COLLATE NOCASE, id,
    country, municipality, sector, kind, employees) WHERE deleted = 0;
CREATE INDEX organisations_list_en ON organisations(sort_en, name COLLATE NOCASE, id,
    country, municipality, sector, kind, employees) WHERE deleted = 0;
