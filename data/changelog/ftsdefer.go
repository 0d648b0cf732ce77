package changelog

// deferFTSMin is the size of import (in changes) from which the full-text
// indexing of the rows it creates is deferred to one statement per table at
// the end of the transaction (migration 0009, fts_defer). Below it the
// triggers' one statement per row is cheap enough and the deferral's fixed
// cost is not worth it.
const deferFTSMin = 500

// ftsTables are the synced tables with full-text indexes kept by triggers,
// and the statements that index their rows created after a rowid (folded,
// as the triggers of migrations 0014 and 0016 do).
var ftsTables = []struct {
	table   string
	indexes []string
}{
	{"organisations", []string{
		`INSERT INTO org_fts(rowid, name, orgnr, notes) SELECT rowid, ` + foldColumns("name", "orgnr", "notes") + ` FROM organisations WHERE rowid > ?`,
		`INSERT INTO org_tri(rowid, name) SELECT rowid, ` + foldColumns("name") + ` FROM organisations WHERE rowid > ?`,
	}},
	{"visits", []string{
		`INSERT INTO visit_fts(rowid, notes, place) SELECT rowid, ` + foldColumns("notes", "place") + ` FROM visits WHERE rowid > ?`,
	}},
	{"actions", []string{
		`INSERT INTO action_fts(rowid, text) SELECT rowid, ` + foldColumns("text") + ` FROM actions WHERE rowid > ?`,
		`INSERT INTO action_tri(rowid, text) SELECT rowid, ` + foldColumns("text") + ` FROM actions WHERE rowid > ?`,
	}},
}

// deferFTS makes the triggers skip the rows this transaction creates.
func (a *applier) deferFTS() error {
	for _, t := range ftsTables {
		if _, err := a.tx.Exec(`INSERT INTO fts_defer(tbl, above) SELECT ?, coalesce(MAX(rowid), 0) FROM `+t.table, t.table); err != nil {
			return err
		}
	}
	a.ftsDeferred = true
	return nil
}

// indexDeferredFTS indexes the rows created since deferFTS, in their final
// state, and lets the triggers index every row again. Called by finish,
// before commit, so no other connection ever sees fts_defer filled.
func (a *applier) indexDeferredFTS() error {
	if !a.ftsDeferred {
		return nil
	}
	for _, t := range ftsTables {
		var above int64
		if err := a.tx.QueryRow(`SELECT above FROM fts_defer WHERE tbl = ?`, t.table).Scan(&above); err != nil {
			return err
		}
		for _, index := range t.indexes {
			if _, err := a.tx.Exec(index, above); err != nil {
				return err
			}
		}
	}
	if _, err := a.tx.Exec(`DELETE FROM fts_defer`); err != nil {
		return err
	}
	a.ftsDeferred = false
	return nil
}
