package changelog

import (
	"strings"

	"eu.ilsa.coach/ilsa/data/domain"
)

// The column writes of the general apply path are gathered per row, so
// that the fields of one edit (or of one record in a bundle) cost one
// UPDATE, or, for a record never seen before, one multi-row INSERT
// (fresh.go).

type pendingRow struct {
	table, id string
	cols      []string
	vals      []any
	updatedAt int64
	// fresh: the row does not exist yet and is written by one INSERT with
	// all its columns; links are its visit_orgs rows, written after it.
	fresh bool
	links []string
}

// setColumn records a column write for the row, flushing the previous row's.
func (a *applier) setColumn(table, id, col string, val any, ms int64) error {
	if a.row != nil && (a.row.table != table || a.row.id != id) {
		if err := a.flushRow(); err != nil {
			return err
		}
	}
	if a.row == nil {
		fresh := a.isFreshRow(table, id)
		if !fresh {
			if _, err := a.exec(sqlInsertRow(table), id); err != nil {
				return err
			}
		}
		r := a.spareRow
		if r == nil {
			r = &pendingRow{cols: make([]string, 0, 16), vals: make([]any, 0, 16)}
		}
		a.spareRow = nil
		r.table, r.id, r.fresh = table, id, fresh
		a.row = r
	}
	for i, c := range a.row.cols {
		if c == col {
			a.row.vals[i] = val
			a.row.updatedAt = max(a.row.updatedAt, ms)
			if table == "organisations" && col == "name" {
				name, _ := val.(string)
				for i, l := range domain.SortLangs {
					if err := a.setColumn(table, id, SortColumn(l), a.sortKey(i, l, name), ms); err != nil {
						return err
					}
				}
			}
			return nil
		}
	}
	a.row.cols = append(a.row.cols, col)
	a.row.vals = append(a.row.vals, val)
	a.row.updatedAt = max(a.row.updatedAt, ms)
	if table == "organisations" && col == "name" {
		// Derived: the name's sort key for each reader's language.
		name, _ := val.(string)
		for i, l := range domain.SortLangs {
			if err := a.setColumn(table, id, SortColumn(l), a.sortKey(i, l, name), ms); err != nil {
				return err
			}
		}
	}
	return nil
}

// flushRow writes the gathered columns of the pending row.
func (a *applier) flushRow() error {
	r := a.row
	if r == nil {
		return nil
	}
	a.row = nil
	defer a.recycleRow(r)
	if r.fresh {
		return a.queueFreshRow(r)
	}
	var set strings.Builder
	for _, c := range r.cols {
		set.WriteString(c)
		set.WriteString(" = ?, ")
	}
	args := append(r.vals, r.updatedAt, r.id)
	_, err := a.exec(`UPDATE `+r.table+` SET `+set.String()+`updated_at = MAX(updated_at, ?) WHERE id = ?`, args...)
	return err
}

// sortKey is the sort key of an organisation name in the i-th of domain.SortLangs,
// prepared ahead if it was.
func (a *applier) sortKey(i int, lang, name string) []byte {
	if p := a.applying; p != nil && p.sortName == name && p.sortKeys[i] != nil {
		return p.sortKeys[i]
	}
	return domain.SortKey(lang, name)
}

// recycleRow keeps a written row's slices for the next one: an import
// gathers a row per record, and allocating each shows in the collector.
func (a *applier) recycleRow(r *pendingRow) {
	clear(r.vals)
	*r = pendingRow{cols: r.cols[:0], vals: r.vals[:0]}
	a.spareRow = r
}
