package data

import "strings"

// The import fast path. Most changes a sync imports create records this
// device has never seen (a colleague's new visits). For those, the general
// apply path's work is wasted: there is no field clock to compare with, no
// conflict to record, no old row to update and no old visit links to undo.
// The applier finds out once per record (one query), keeps the fields of the
// record in memory, writes its row with one INSERT, and batches the field
// clocks into multi-row INSERTs like the log entries (logbatch.go). The
// result is the same rows as the general path: the property test
// (TestApplyIsOrderIndependentAndIdempotent) and the sync tests compare dumps.

// recordState is the record whose changes are being applied.
type recordState struct {
	entity, id string
	table      string
	fresh      bool            // no field clock of it existed when the transaction reached it
	fields     map[string]bool // fields applied on the fast path
}

const sqlRecordKnown = `SELECT EXISTS(SELECT 1 FROM clocks WHERE entity = ? AND id = ?)`

// fresh reports whether c's record takes the fast path. Only imports enable
// it (freshOK); local edits always check their clocks.
func (a *applier) fresh(entity, id, field string) (bool, error) {
	if !a.freshOK {
		return false, nil
	}
	if a.rec == nil || a.rec.entity != entity || a.rec.id != id {
		if a.row != nil && a.row.fresh {
			// A fresh row is only complete while its record's changes run
			// on; once another record came between, write it, so the
			// general path finds it (visit links refer to it).
			if err := a.flushRow(); err != nil {
				return false, err
			}
		}
		key := entity + "\x00" + id
		if a.clockQueued[key] {
			// The record came back after others: its clocks must be in the
			// table before we ask whether it has any.
			if err := a.flushClocks(); err != nil {
				return false, err
			}
		}
		st, err := a.stmt(sqlRecordKnown)
		if err != nil {
			return false, err
		}
		var known bool
		if err := st.QueryRow(entity, id).Scan(&known); err != nil {
			return false, err
		}
		a.rec = &recordState{entity: entity, id: id, table: entities[entity].table, fresh: !known, fields: map[string]bool{}}
	}
	if !a.rec.fresh {
		return false, nil
	}
	if a.rec.fields[field] {
		// The same field twice in one record: let the general path order
		// them, with everything written so far in place.
		if err := a.flushClocks(); err != nil {
			return false, err
		}
		if err := a.flushRow(); err != nil {
			return false, err
		}
		a.rec.fresh = false
		return false, nil
	}
	a.rec.fields[field] = true
	return true, nil
}

// isFreshRow says whether a row about to be gathered belongs to the fresh
// record (so it is inserted whole, not created and then updated).
func (a *applier) isFreshRow(table, id string) bool {
	return a.rec != nil && a.rec.fresh && a.rec.table == table && a.rec.id == id
}

// applyFresh is applyLogged's tail for a field of a fresh record.
func (a *applier) applyFresh(c Change, spec *entitySpec, f fieldSpec, colVal any) error {
	a.clockQueue = append(a.clockQueue, c.Entity, c.ID, c.Field, int64(c.HLC), c.Device, int64(c.Seq), int64(c.Base))
	if a.clockQueued == nil {
		a.clockQueued = map[string]bool{}
	}
	a.clockQueued[c.Entity+"\x00"+c.ID] = true
	if len(a.clockQueue) >= logBatchRows*7 {
		if err := a.flushClocks(); err != nil {
			return err
		}
	}
	if err := a.setColumn(spec.table, c.ID, f.name, colVal, c.HLC.Millis()); err != nil {
		return err
	}
	switch {
	case c.Entity == EntityVisit && c.Field == "orgs":
		// No links to undo; the new ones are written after the row (they
		// refer to it) and their organisations get fresh statistics.
		var ids []string
		if err := jsonUnmarshalString(colVal.(string), &ids); err != nil {
			return err
		}
		a.row.links = ids
		for _, id := range ids {
			a.statsDirty[id] = true
		}
	case c.Entity == EntityOrganisation && c.Field == "created_at":
		a.statsDirty[c.ID] = true
	}
	// A fresh visit's date, notes or deletion need no marking: its
	// organisations are marked when its orgs field is applied, in this
	// transaction or a later one.
	return nil
}

// flushClocks writes the queued field clocks of fresh records.
func (a *applier) flushClocks() error {
	n := len(a.clockQueue) / 7
	if n == 0 {
		return nil
	}
	var b strings.Builder
	b.WriteString(`INSERT INTO clocks(entity, id, field, hlc, device, seq, base) VALUES `)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`(?,?,?,?,?,?,?)`)
	}
	_, err := a.exec(b.String(), a.clockQueue...)
	clear(a.clockQueue)
	a.clockQueue = a.clockQueue[:0]
	clear(a.clockQueued)
	return err
}

// insertFreshRow writes a fresh record's row with all its columns, then its
// visit links.
func (a *applier) insertFreshRow(r *pendingRow) error {
	var q strings.Builder
	q.WriteString(`INSERT INTO `)
	q.WriteString(r.table)
	q.WriteString(`(id, updated_at`)
	for _, c := range r.cols {
		q.WriteString(", ")
		q.WriteString(c)
	}
	q.WriteString(`) VALUES(?, ?`)
	q.WriteString(strings.Repeat(", ?", len(r.cols)))
	// A row without field clocks should not exist; if one does (written by
	// an older version), the values of the first known changes win over it.
	q.WriteString(`) ON CONFLICT(id) DO UPDATE SET updated_at = MAX(updated_at, excluded.updated_at)`)
	for _, c := range r.cols {
		q.WriteString(", ")
		q.WriteString(c)
		q.WriteString(" = excluded.")
		q.WriteString(c)
	}
	args := append([]any{r.id, r.updatedAt}, r.vals...)
	if _, err := a.exec(q.String(), args...); err != nil {
		return err
	}
	for _, org := range r.links {
		if _, err := a.exec(sqlInsertVisitOrg, r.id, org); err != nil {
			return err
		}
	}
	return nil
}
