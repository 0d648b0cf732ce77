package changelog

import (
	"database/sql"
	"sync/atomic"
)

// written remembers, in fixed memory, which records have field clocks: a
// Bloom filter. It is started by an import that finds record_clocks empty (a
// first merge) and kept by the engine for later imports (the other bundles
// of that merge), so a record it has never heard of has no clocks for
// certain, and fresh and prefetchKnown need not ask the table. A false
// positive only costs the query that would have been made anyway.
//
// It stays sound because every write of record_clocks in this process goes
// through the applier, which tells the filter (noteClocks) before writing,
// in any transaction, also one that does not rely on the filter; a rollback
// only leaves extra bits. Writes by another connection (another process)
// are noticed through PRAGMA data_version, and a new writer connection
// through a marker in its temp schema: either way the filter is dropped.
type written struct {
	bits []uint64
}

// writtenBits is the filter's size: 8 Mbit (1 MiB), so a million records
// still give few false positives.
const writtenBits = 1 << 23

func writtenHash(entity, id string) (uint64, uint64) {
	// FNV-1a, two halves of it as two hashes (double hashing).
	h := uint64(14695981039346656037)
	for i := 0; i < len(entity); i++ {
		h = (h ^ uint64(entity[i])) * 1099511628211
	}
	h = (h ^ 0) * 1099511628211
	for i := 0; i < len(id); i++ {
		h = (h ^ uint64(id[i])) * 1099511628211
	}
	h2 := h*0x9E3779B97F4A7C15 | 1
	return h, h2
}

func (w *written) add(entity, id string) {
	h1, h2 := writtenHash(entity, id)
	for i := range uint64(3) {
		b := (h1 + i*h2) % writtenBits
		w.bits[b/64] |= 1 << (b % 64)
	}
}

func (w *written) has(entity, id string) bool {
	h1, h2 := writtenHash(entity, id)
	for i := range uint64(3) {
		b := (h1 + i*h2) % writtenBits
		if w.bits[b/64]&(1<<(b%64)) == 0 {
			return false
		}
	}
	return true
}

// knownTokens makes the marker of each filter unique.
var knownTokens atomic.Int64

// trackWritten lets the applier rely on the engine's filter if it is still
// sound, or starts one if record_clocks is empty; call it (under the engine's lock)
// before the transaction writes anything.
func (a *applier) trackWritten(e *Engine) error {
	if _, err := a.tx.Exec(`CREATE TEMP TABLE IF NOT EXISTS known_filter(tok INTEGER NOT NULL)`); err != nil {
		return err
	}
	var tok sql.NullInt64
	var ver int64
	if err := a.tx.QueryRow(`SELECT (SELECT max(tok) FROM temp.known_filter), data_version FROM pragma_data_version`).Scan(&tok, &ver); err != nil {
		return err
	}
	if e.known != nil && tok.Valid && tok.Int64 == e.knownTok && ver == e.knownVer {
		a.written, a.noted = e.known, e.known
		return nil
	}
	e.known, a.noted = nil, nil
	var empty bool
	if err := a.tx.QueryRow(`SELECT NOT EXISTS(SELECT 1 FROM record_clocks)`).Scan(&empty); err != nil {
		return err
	}
	if !empty {
		return nil
	}
	t := knownTokens.Add(1)
	if _, err := a.tx.Exec(`DELETE FROM temp.known_filter`); err != nil {
		return err
	}
	if _, err := a.tx.Exec(`INSERT INTO temp.known_filter(tok) VALUES(?)`, t); err != nil {
		return err
	}
	a.written = &written{bits: make([]uint64, writtenBits/64)}
	a.noted = a.written
	e.known, e.knownTok, e.knownVer = a.written, t, ver
	return nil
}

// noteClocks records that the record's clocks are (about to be) in the table.
func (a *applier) noteClocks(entity, id string) {
	if a.written != nil {
		a.written.add(entity, id)
	}
	if a.noted != nil && a.noted != a.written {
		a.noted.add(entity, id)
	}
}

// surelyUnknown says whether the record certainly has no field clocks.
func (a *applier) surelyUnknown(entity, id string) bool {
	return a.written != nil && !a.written.has(entity, id)
}
