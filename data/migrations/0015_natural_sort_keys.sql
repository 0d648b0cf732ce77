-- 0015: names sort by the value of their numbers ("Fas 2" before "Fas 10",
-- "AB 452" before "AB 1202"). The sort keys are derived from the name: clear
-- them, and the store computes them again when it opens (as for the rows
-- from before 0007). Nothing synced changes.
UPDATE organisations SET sort_sv = NULL, sort_nb = NULL, sort_en = NULL;
