package changelog

import (
	"slices"
	"strings"
)

// bulkDerivedMin is how many touched organisations make it worth refreshing
// their derived rows (org_stats, org_visit_fts) with four set-based
// statements instead of four statements each: an import of a colleague's
// month of work touches thousands, and a full-text insert costs far more as
// its own statement than as one row of an INSERT … SELECT.
const bulkDerivedMin = 32

// spillDirtyAt bounds the in-memory set of touched organisations: beyond
// it they move to a temporary table, so an import's memory does not grow
// with the number of organisations it touches.
var spillDirtyAt = 4096

// spillDirty moves the touched organisations into temp.dirty_orgs (part of
// the transaction: a rollback empties it too).
func (a *applier) spillDirty() error {
	if _, err := a.tx.Exec(`CREATE TEMP TABLE IF NOT EXISTS dirty_orgs(id TEXT PRIMARY KEY) WITHOUT ROWID`); err != nil {
		return err
	}
	ids := make([]any, 0, 200)
	flush := func() error {
		if len(ids) == 0 {
			return nil
		}
		q := `INSERT OR IGNORE INTO temp.dirty_orgs(id) VALUES (?)` + strings.Repeat(`,(?)`, len(ids)-1)
		_, err := a.exec(q, ids...)
		ids = ids[:0]
		return err
	}
	for org := range a.statsDirty {
		ids = append(ids, org)
		if len(ids) == cap(ids) {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	clear(a.statsDirty)
	a.dirtySpilled = true
	return nil
}

// refreshDerivedBulk recomputes the derived rows of every touched
// organisation, with the same queries as the one-by-one path, set-based.
func (a *applier) refreshDerivedBulk() error {
	if err := a.spillDirty(); err != nil {
		return err
	}
	for _, q := range slices.Concat([]string{
		`DELETE FROM org_stats WHERE org_id IN (SELECT id FROM temp.dirty_orgs)`,
		`INSERT INTO org_stats(org_id, last_visit, visits)
			SELECT vo.org_id, MAX(v.date), COUNT(*) FROM visit_orgs vo
			JOIN visits v ON v.id = vo.visit_id AND v.deleted = 0
			WHERE vo.org_id IN (SELECT id FROM temp.dirty_orgs) GROUP BY vo.org_id`,
	}, deleteSearchDocSQL(`SELECT o.rowid FROM organisations o JOIN temp.dirty_orgs d ON d.id = o.id`),
		searchDocSQL(`FROM organisations o
			JOIN temp.dirty_orgs d ON d.id = o.id
			JOIN visit_orgs vo ON vo.org_id = o.id
			JOIN visits v ON v.id = vo.visit_id AND v.deleted = 0`),
		[]string{`DELETE FROM temp.dirty_orgs`}) {
		if _, err := a.tx.Exec(q); err != nil {
			return err
		}
	}
	a.dirtySpilled = false
	return nil
}

// markVisitOrgs marks the organisations of a visit for a statistics update.
func (a *applier) markVisitOrgs(visitID string) error {
	st, err := a.stmt(sqlVisitOrgs)
	if err != nil {
		return err
	}
	rows, err := st.Query(visitID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return err
		}
		a.statsDirty[id] = true
	}
	return rows.Err()
}

func (a *applier) syncVisitOrgs(visitID, orgsJSON string) error {
	var ids []string
	if err := jsonUnmarshalString(orgsJSON, &ids); err != nil {
		return err
	}
	if _, err := a.exec(sqlDeleteVisitOrgs, visitID); err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := a.exec(sqlInsertVisitOrg, visitID, id); err != nil {
			return err
		}
	}
	return nil
}
