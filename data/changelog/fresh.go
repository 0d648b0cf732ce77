package changelog

import (
	"strings"

	"eu.ilsa.coach/ilsa/data/domain"
)

// The import fast path. Most changes a sync imports create records this
// device has never seen (a colleague's new visits). For those, the general
// apply path's work is wasted: there is no field clock to compare with, no
// conflict to record, no old row to update and no old visit links to undo.
// The applier finds out once per record (one query), keeps the fields of the
// record in memory, writes its row with one INSERT, and batches the records'
// packed field clocks (recclocks.go) into multi-row INSERTs like the log
// entries (logbatch.go). The
// result is the same rows as the general path: the property test
// (TestApplyIsOrderIndependentAndIdempotent) and the sync tests compare dumps.

// recordState is the record whose changes are being applied.
type recordState struct {
	entity, id string
	table      string
	fresh      bool         // no field clock of it existed when the transaction reached it
	clocks     []fieldClock // the clocks of the fields applied on the fast path
}

const sqlRecordKnown = `SELECT EXISTS(SELECT 1 FROM record_clocks WHERE entity = ? AND id = ?)`

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
		a.endFreshRecord()
		key := entity + "\x00" + id
		// Clocks of this record not yet in the table: a prefetched answer
		// (there should be none) would be stale.
		pending := a.clockQueued[key] || (a.cur != nil && a.cur.entity == entity && a.cur.id == id)
		if a.clockQueued[key] {
			// The record came back after others: its clocks must be in the
			// table before we ask whether it has any.
			if err := a.flushClocks(); err != nil {
				return false, err
			}
		}
		// The general path's record clocks, if they are this record's,
		// must be in the table too.
		if a.cur != nil && a.cur.entity == entity && a.cur.id == id {
			if err := a.writeClocks(); err != nil {
				return false, err
			}
		}
		known, asked := a.prefetched[key]
		if asked {
			delete(a.prefetched, key)
		}
		if (!asked || pending) && a.surelyUnknown(entity, id) {
			known, asked, pending = false, true, false
		}
		if !asked || pending {
			st, err := a.stmt(sqlRecordKnown)
			if err != nil {
				return false, err
			}
			if err := st.QueryRow(entity, id).Scan(&known); err != nil {
				return false, err
			}
		}
		if a.rec == nil {
			a.rec = &recordState{}
		}
		*a.rec = recordState{entity: entity, id: id, table: entities[entity].table, fresh: !known, clocks: a.rec.clocks[:0]}
	}
	if !a.rec.fresh {
		return false, nil
	}
	for _, c := range a.rec.clocks {
		if c.field == field {
			// The same field twice in one record: let the general path
			// order them, with everything written so far in place.
			a.endFreshRecord()
			a.rec.fresh = false
			if err := a.flushClocks(); err != nil {
				return false, err
			}
			if err := a.flushRow(); err != nil {
				return false, err
			}
			return false, nil
		}
	}
	return true, nil
}

// prefetchBatch is how many records one prefetch query asks about.
const prefetchBatch = 64

// prefetchKnown asks, in a few queries, which of the records of changes
// (the next changes an import will apply) have field clocks, so that fresh
// need not ask once per record. An answer holds for the record's first
// occurrence after this call: until then nothing writes the record's clocks
// (only applying its own changes does). The record being applied now, and
// one whose clocks are not in the table yet, are not asked about.
func (a *applier) prefetchKnown(changes []Change) error {
	if !a.freshOK {
		return nil
	}
	clear(a.prefetched)
	if a.prefetched == nil {
		a.prefetched = map[string]bool{}
	}
	args := make([]any, 0, 2*prefetchBatch)
	var keys []string
	ask := func() error {
		n := len(args) / 2
		if n == 0 {
			return nil
		}
		for len(args) < 2*prefetchBatch { // one statement for every batch
			args = append(args, args[0], args[1])
		}
		st, err := a.stmt(sqlRecordsKnown)
		if err != nil {
			return err
		}
		rows, err := st.Query(args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for _, k := range keys {
			a.prefetched[k] = false
		}
		for rows.Next() {
			var e, id string
			if err := rows.Scan(&e, &id); err != nil {
				return err
			}
			a.prefetched[e+"\x00"+id] = true
		}
		args, keys = args[:0], keys[:0]
		return rows.Err()
	}
	seen := map[string]bool{}
	var prevEntity, prevID string
	for i, c := range changes {
		// A record's changes come one after another: the checks below give
		// the same answer for each of them as for the first (the filter and
		// the record being applied do not change in this loop, and seen
		// holds the record if the first was asked about), so only its first
		// change of a run needs them, and the filter's cache misses.
		if i > 0 && c.ID == prevID && c.Entity == prevEntity {
			continue
		}
		prevEntity, prevID = c.Entity, c.ID
		if _, ok := entities[c.Entity]; !ok {
			continue
		}
		if a.rec != nil && a.rec.entity == c.Entity && a.rec.id == c.ID {
			continue
		}
		if a.cur != nil && a.cur.entity == c.Entity && a.cur.id == c.ID {
			continue
		}
		if a.surelyUnknown(c.Entity, c.ID) {
			// fresh asks the filter itself, when the record's turn comes
			// and its clocks queued meanwhile are in the table.
			continue
		}
		key := c.Entity + "\x00" + c.ID
		if seen[key] || a.clockQueued[key] {
			continue
		}
		seen[key] = true
		args = append(args, c.Entity, c.ID)
		keys = append(keys, key)
		if len(keys) == prefetchBatch {
			if err := ask(); err != nil {
				return err
			}
		}
	}
	return ask()
}

var sqlRecordsKnown = `SELECT entity, id FROM record_clocks WHERE (entity, id) IN (VALUES (?,?)` +
	strings.Repeat(`,(?,?)`, prefetchBatch-1) + `)`

// endFreshRecord queues the packed clocks of the fresh record whose changes
// ended (flushClocks writes them).
func (a *applier) endFreshRecord() {
	r := a.rec
	if r == nil || !r.fresh || len(r.clocks) == 0 {
		return
	}
	start := len(a.clockArena)
	a.clockArena = appendClocks(a.clockArena, r.clocks)
	a.clockQueue = append(a.clockQueue, r.entity, r.id, a.clockArena[start:len(a.clockArena):len(a.clockArena)])
	if a.clockQueued == nil {
		a.clockQueued = map[string]bool{}
	}
	a.clockQueued[r.entity+"\x00"+r.id] = true
	r.clocks = r.clocks[:0]
}

// isFreshRow says whether a row about to be gathered belongs to the fresh
// record (so it is inserted whole, not created and then updated).
func (a *applier) isFreshRow(table, id string) bool {
	return a.rec != nil && a.rec.fresh && a.rec.table == table && a.rec.id == id
}

// applyFresh is applyLogged's tail for a field of a fresh record.
func (a *applier) applyFresh(c Change, spec *EntitySpec, f FieldSpec, colVal any) error {
	a.rec.clocks = append(a.rec.clocks, fieldClock{field: c.Field, hlc: c.HLC, device: c.Device, seq: c.Seq, base: c.Base})
	if len(a.clockQueue) >= clockBatchRows*3 {
		if err := a.flushClocks(); err != nil {
			return err
		}
	}
	if err := a.setColumn(spec.table, c.ID, f.name, colVal, c.HLC.Millis()); err != nil {
		return err
	}
	switch {
	case c.Entity == domain.EntityVisit && c.Field == "orgs":
		// No links to undo; the new ones are written after the row (they
		// refer to it) and their organisations get fresh statistics.
		var ids []string
		if p := a.applying; p != nil && p.hasLinks {
			ids = p.links
		} else if err := jsonUnmarshalString(colVal.(string), &ids); err != nil {
			return err
		}
		a.row.links = ids
		for _, id := range ids {
			a.statsDirty[id] = true
		}
	case c.Entity == domain.EntityOrganisation && c.Field == "created_at":
		a.statsDirty[c.ID] = true
	}
	// A fresh visit's date, notes or deletion need no marking: its
	// organisations are marked when its orgs field is applied, in this
	// transaction or a later one.
	return nil
}

// clockBatchRows is how many records' clocks one multi-row INSERT carries.
const clockBatchRows = 100

// flushClocks writes the queued field clocks of fresh records.
func (a *applier) flushClocks() error {
	n := len(a.clockQueue) / 3
	if n == 0 {
		return nil
	}
	var b strings.Builder
	b.WriteString(`INSERT INTO record_clocks(entity, id, clocks) VALUES `)
	for i := range n {
		a.noteClocks(a.clockQueue[3*i].(string), a.clockQueue[3*i+1].(string))
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`(?,?,?)`)
	}
	_, err := a.exec(b.String(), a.clockQueue...)
	clear(a.clockQueue)
	a.clockQueue = a.clockQueue[:0]
	a.clockArena = a.clockArena[:0]
	clear(a.clockQueued)
	return err
}
