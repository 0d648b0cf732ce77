package changelog

import (
	"context"
	"database/sql"
	"fmt"

	"eu.ilsa.coach/ilsa/data/hlc"
)

// Edit is one field of a local edit, before it gets its clock and number.
type Edit struct {
	Entity, ID, Field string
	Value             any // encoded with EncodeValue
	// Seen, when set, is the clock of the record as the editor read it (a
	// form opened before a sync changed the record); otherwise the editor
	// saw the value the field holds.
	Seen hlc.Timestamp
	// Filled in by CommitLocal from the field's clock as the edit commits:
	current hlc.Timestamp // the clock the field holds
	base    hlc.Timestamp // the clock of the value the editor saw: current, or seen when older
}

// CommitLocal builds a local edit inside one write transaction (so checks of
// references and the values compared against see the state the edit lands
// on), stamps all its fields with one fresh timestamp and the next sequence
// numbers, and applies them through the same path as imported changes.
func (e *Engine) CommitLocal(ctx context.Context, build func(tx ReadTx) ([]Edit, error)) ([]Change, error) {
	if err := e.refuseWrite(); err != nil {
		return nil, err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	tx, err := e.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	edits, err := build(ReadTx{tx})
	if err != nil || len(edits) == 0 {
		return nil, err
	}
	// Numbered and stamped under the write lock, from the log: another
	// process may have written since this store last did.
	seq, err := e.syncWithLog(tx)
	if err != nil {
		return nil, err
	}
	if err := currentClocks(tx, edits); err != nil {
		return nil, err
	}
	ts := editStamp(e.clock.Now(), edits)
	a := e.newApplier(tx, nil)
	a.local = true
	defer a.close()
	changes := make([]Change, len(edits))
	device := e.DeviceID()
	for i, e := range edits {
		// A base is never after the edit: a clock past hlc.Max (stored by
		// an older version) counts as the newest value there can be.
		changes[i] = Change{Device: device, Seq: seq, HLC: ts, Base: min(e.base, ts),
			Entity: e.Entity, ID: e.ID, Field: e.Field, Value: EncodeValue(e.Value)}
		seq++
		if _, err := a.apply(changes[i]); err != nil {
			return nil, fmt.Errorf("apply %s.%s: %w", e.Entity, e.Field, err)
		}
	}
	if err := a.finish(); err != nil {
		return nil, err
	}
	// The clock's own last value, not ts: ts may sit just past a value from a
	// clock running years ahead, and the clock must not follow it there.
	if err := setLocal(tx, localLastHLC, e.clock.Last().String()); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	e.nextSeq = seq
	e.committed(true)
	if a.erasedAny {
		if err := e.purge(); err != nil {
			return changes, err
		}
	}
	return changes, nil
}

// editStamp is the timestamp of a local edit: the clock's reading, or, when
// the editor saw a value stamped later than that, or the field holds one
// (from a device whose clock runs ahead, which our clock refuses to follow),
// just past the newest of them. An edit a person makes therefore wins over
// every value this device holds for the fields it writes — with a conflict
// kept when the editor had not seen that value — so a device with a clock
// years ahead cannot win every later edit of a field. Clocks are bounded by
// hlc.Max and the step is saturating, so nothing wraps around; at the bound
// the edit may lose, and is then kept as a conflict (applyLogged).
// Deterministic: it depends only on the clock, the bases and the fields.
func editStamp(now hlc.Timestamp, edits []Edit) hlc.Timestamp {
	ts := now
	for _, e := range edits {
		for _, seen := range [2]hlc.Timestamp{e.base, e.current} {
			if seen >= ts {
				ts = seen.Next()
			}
		}
	}
	return ts
}

// currentClocks fills in the clock each edited field holds now and the base
// of each edit, reading each record's clocks once: the one place a local
// edit learns what it replaces.
func currentClocks(tx *sql.Tx, edits []Edit) error {
	var entity, id string
	var clocks []fieldClock
	for i := range edits {
		e := &edits[i]
		if _, known := entities[e.Entity]; !known {
			continue // a settlement: no field clock
		}
		if e.Entity != entity || e.ID != id {
			var err error
			if clocks, err = recordClocks(tx, e.Entity, e.ID); err != nil {
				return err
			}
			entity, id = e.Entity, e.ID
		}
		for _, c := range clocks {
			if c.field == e.Field {
				e.current = c.hlc
			}
		}
		e.base = e.current
		if e.Seen != 0 && e.base > e.Seen {
			// Changed by sync after the editor read it: the editor saw an older value.
			e.base = e.Seen
		}
	}
	return nil
}
