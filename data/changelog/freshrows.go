package changelog

import (
	"strings"
)

// rowBatchRows is how many fresh rows of one table (and one set of columns)
// one multi-row INSERT carries: a statement per row costs more in driver
// round trips than SQLite spends storing it.
const rowBatchRows = 64

// rowBatch gathers fresh rows with the same table and columns.
type rowBatch struct {
	table string
	cols  []string
	args  []any
	n     int
}

// queueFreshRow queues a fresh record's row, and its visit links, for
// flushFreshRows. Nothing reads a queued row before it is written: the
// general apply path, the only reader of rows inside an import, flushes the
// queue first (applyLogged, currentValue), and so does finish.
func (a *applier) queueFreshRow(r *pendingRow) error {
	key := make([]byte, 0, 128)
	key = append(key, r.table...)
	for _, c := range r.cols {
		key = append(key, ',')
		key = append(key, c...)
	}
	b := a.rowBatches[string(key)]
	if b == nil {
		if a.rowBatches == nil {
			a.rowBatches = map[string]*rowBatch{}
		}
		b = &rowBatch{table: r.table, cols: append([]string(nil), r.cols...)}
		a.rowBatches[string(key)] = b
		a.rowOrder = append(a.rowOrder, b)
	}
	b.args = append(b.args, r.id, r.updatedAt)
	b.args = append(b.args, r.vals...)
	b.n++
	a.rowsQueued++
	for _, org := range r.links {
		a.linkQueue = append(a.linkQueue, r.id, org)
	}
	if b.n >= rowBatchRows || len(a.linkQueue) >= 2*logBatchRows {
		return a.flushFreshRows()
	}
	return nil
}

// flushFreshRows writes the queued fresh rows, then their visit links (which
// refer to the visits).
func (a *applier) flushFreshRows() error {
	if a.rowsQueued == 0 {
		return nil
	}
	a.rowsQueued = 0
	for _, b := range a.rowOrder {
		if b.n == 0 {
			continue
		}
		if _, err := a.exec(insertFreshRows(b.table, b.cols, b.n), b.args...); err != nil {
			return err
		}
		clear(b.args)
		b.args, b.n = b.args[:0], 0
	}
	for len(a.linkQueue) > 0 {
		n := min(len(a.linkQueue)/2, logBatchRows)
		q := `INSERT OR IGNORE INTO visit_orgs(visit_id, org_id) VALUES (?,?)` + strings.Repeat(`,(?,?)`, n-1)
		if _, err := a.exec(q, a.linkQueue[:2*n]...); err != nil {
			return err
		}
		a.linkQueue = a.linkQueue[2*n:]
	}
	a.linkQueue = a.linkQueue[:0]
	return nil
}

// insertFreshRows is the statement writing n fresh rows of table with cols.
func insertFreshRows(table string, cols []string, n int) string {
	var q strings.Builder
	q.WriteString(`INSERT INTO `)
	q.WriteString(table)
	q.WriteString(`(id, updated_at`)
	for _, c := range cols {
		q.WriteString(", ")
		q.WriteString(c)
	}
	q.WriteString(`) VALUES `)
	row := `(?, ?` + strings.Repeat(", ?", len(cols)) + `)`
	for i := range n {
		if i > 0 {
			q.WriteByte(',')
		}
		q.WriteString(row)
	}
	// A row without field clocks should not exist; if one does (written by
	// an older version), the values of the first known changes win over it.
	q.WriteString(` ON CONFLICT(id) DO UPDATE SET updated_at = MAX(updated_at, excluded.updated_at)`)
	for _, c := range cols {
		q.WriteString(", ")
		q.WriteString(c)
		q.WriteString(" = excluded.")
		q.WriteString(c)
	}
	return q.String()
}
