// Package changelog is the change-log engine: the one code that writes the
// synced records, through the log, for local edits and imported bundles.
package changelog

import (
	"context"
	"database/sql"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/uuid"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/hlc"
)

// Engine is the change-log engine: it holds the one connection that writes
// and everything numbering and stamping a change needs (the device id, the
// next sequence number, the clock), and it is the only code that begins a
// write transaction. Local edits (CommitLocal), imported bundles (Import)
// and device-local rows (WriteLocal) all go through it, so entity rows are
// written by the apply path alone; Read reads the log back in both its
// forms (rows and runs).
type Engine struct {
	w     *sql.DB // the single writer connection
	clock *hlc.Clock
	now   func() time.Time
	// device is this installation's id in the change log; it changes only
	// when sync finds the id was cloned (see Import), hence atomic.
	device atomic.Pointer[string]

	refuse error // set when the store is read-only: every write returns it

	mu        sync.Mutex // guards nextSeq, stmtCache and the filter together with the writer transaction
	nextSeq   uint64
	stmtCache map[string]*sql.Stmt
	// known holds every record with field clocks, as a Bloom filter, from a
	// first merge on (fresh.go); guarded by mu. knownVer and knownTok tell
	// whether another connection may have written since.
	known    *written
	knownVer int64
	knownTok int64

	// unpurged: a transaction erased values and the purge after it has not
	// finished (erase_apply.go); guarded by mu.
	unpurged bool

	// onCommit is told of every write transaction that committed, and
	// whether it wrote records or only device-local rows (the store counts
	// the former and wakes its checkpointer for both).
	onCommit func(records bool)
}

// Options tune New.
type Options struct {
	// Now is the physical clock.
	Now func() time.Time
	// ReadOnly, when set, is the error every write returns: the database
	// was opened read-only, and the engine only reads its device id.
	ReadOnly error
	// OnCommit, if set, is told of every write transaction that committed:
	// records is false when it wrote only device-local rows (WriteLocal).
	OnCommit func(records bool)
}

// New takes over w, the store's one writer connection, migrated to the
// latest schema: from here on only the engine writes, and the caller keeps
// no reference to w (Close closes it, and so does New when it fails). A
// writable database gets its device id if it has none, the sort keys rows
// from before migration 0007 lack, and the statements of the apply path
// prepared.
func New(w *sql.DB, opt Options) (*Engine, error) {
	e := &Engine{w: w, clock: hlc.NewClock(opt.Now), now: opt.Now, refuse: opt.ReadOnly,
		stmtCache: map[string]*sql.Stmt{}, onCommit: opt.OnCommit}
	if e.onCommit == nil {
		e.onCommit = func(bool) {}
	}
	if e.refuse != nil {
		e.loadDevice()
		return e, nil
	}
	err := e.initDevice()
	if err == nil {
		err = e.fillSortKeys()
	}
	if err == nil {
		err = e.prepare()
	}
	if err != nil {
		return nil, errors.Join(err, errors.Join(e.Close()...))
	}
	return e, nil
}

// prepare prepares the fixed statements of the apply path once on the
// writer connection.
func (e *Engine) prepare() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, q := range preparedQueries() {
		st, err := e.w.Prepare(q)
		if err != nil {
			return err
		}
		e.stmtCache[q] = st
	}
	return nil
}

// Close closes the prepared statements and the writer connection.
func (e *Engine) Close() []error {
	var errs []error
	e.mu.Lock()
	for _, st := range e.stmtCache {
		errs = append(errs, st.Close())
	}
	clear(e.stmtCache)
	e.mu.Unlock()
	return append(errs, e.w.Close())
}

// refuseWrite is the error every write returns on a read-only store.
func (e *Engine) refuseWrite() error { return e.refuse }

// DeviceID is this installation's identity in the change log.
func (e *Engine) DeviceID() string {
	if d := e.device.Load(); d != nil {
		return *d
	}
	return ""
}

// Clock is the hybrid logical clock (sync observes remote timestamps).
func (e *Engine) Clock() *hlc.Clock { return e.clock }

// committed counts a write transaction that committed; records says
// whether it wrote records (entity rows) rather than only device-local rows.
func (e *Engine) committed(records bool) { e.onCommit(records) }

// loadDevice reads the device id without writing (a read-only store).
func (e *Engine) loadDevice() {
	if dev, err := getLocal(e.w, localDevice); err == nil && dev != "" {
		e.device.Store(&dev)
	}
}

// initDevice gives a new database its device id and reads the next
// sequence number and the clock from the log.
func (e *Engine) initDevice() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	tx, err := e.w.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	dev, err := getLocal(tx, localDevice)
	if err != nil {
		return err
	}
	if dev == "" {
		id, err := uuid.NewV7()
		if err != nil {
			return err
		}
		dev = id.String()
		if err := setLocal(tx, localDevice, dev); err != nil {
			return err
		}
	}
	e.device.Store(&dev)
	if _, err := e.syncWithLog(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// syncWithLog brings what the engine keeps in memory — the device id, the
// next sequence number and the clock — up to what the database says, inside
// the write transaction tx, and returns the next sequence number to use.
//
// Another process (the command line while the window is open, a second
// window) may have committed changes since this store last wrote: the log
// itself, read under the write lock, is the only counter every process
// agrees on. Reading it costs two index lookups per write; numbering from a
// copy in memory made two processes number changes alike, and the log then
// dropped one of each pair as a duplicate.
func (e *Engine) syncWithLog(tx *sql.Tx) (uint64, error) {
	// One query, as it runs before every write: the device id, the log's
	// highest number of that device, and the clock's last value (written
	// in the same transaction as every local edit and import, so it cannot
	// lag behind the log).
	var dev, last string
	var maxSeq int64
	if err := tx.QueryRow(`WITH d(id) AS (SELECT IFNULL((SELECT value FROM local WHERE key = ?1), ?2))
		SELECT d.id, MAX(IFNULL((SELECT MAX(seq) FROM changes WHERE device = d.id), 0),
			IFNULL((SELECT MAX(last_seq) FROM change_runs WHERE device = d.id), 0)),
			IFNULL((SELECT value FROM local WHERE key = ?3), '')
		FROM d`, localDevice, e.DeviceID(), localLastHLC).Scan(&dev, &maxSeq, &last); err != nil {
		return 0, err
	}
	if dev != "" && dev != e.DeviceID() {
		// Another process found this installation's id cloned and moved
		// to a fresh one: write under that one too.
		e.device.Store(&dev)
	}
	e.nextSeq = uint64(maxSeq) + 1
	if last != "" {
		if ts, err := hlc.Parse(last); err == nil {
			e.clock.Set(ts)
		}
	}
	return e.nextSeq, nil
}

// WriteLocal runs fn in a write transaction for rows that are not part of
// the change log: device-local settings, drafts, the sync bookkeeping.
func (e *Engine) WriteLocal(fn func(tx LocalTx) error) error {
	return e.writeTx(false, func(tx *sql.Tx) error { return fn(LocalTx{tx}) })
}

// writeTx runs fn in a write transaction of the engine's own; records says
// whether fn writes records or only device-local rows.
func (e *Engine) writeTx(records bool, fn func(tx *sql.Tx) error) error {
	if err := e.refuseWrite(); err != nil {
		return err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	tx, err := e.w.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	e.committed(records)
	return nil
}

// DataVersion reads PRAGMA data_version on the writer connection: it
// changes only when another connection — in practice another process —
// commits.
func (e *Engine) DataVersion(ctx context.Context) (int64, error) {
	var v int64
	err := e.w.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v)
	return v, err
}

// CheckFTS runs FTS5's integrity check of index fts, which is written as an
// INSERT and so needs the writer connection.
func (e *Engine) CheckFTS(ctx context.Context, fts string) error {
	_, err := e.w.ExecContext(ctx, `INSERT INTO `+fts+`(`+fts+`, rank) VALUES('integrity-check', 1)`)
	return err
}

// fillSortKeys computes the name sort keys of organisations that have none
// (rows from before migration 0007; later the apply path keeps them).
func (e *Engine) fillSortKeys() error {
	rows, err := e.w.Query(`SELECT id, name FROM organisations WHERE sort_en IS NULL`)
	if err != nil {
		return err
	}
	type named struct{ id, name string }
	var todo []named
	for rows.Next() {
		var n named
		if err := rows.Scan(&n.id, &n.name); err != nil {
			rows.Close()
			return err
		}
		todo = append(todo, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(todo) == 0 {
		return err
	}
	return e.writeTx(true, func(tx *sql.Tx) error {
		st, err := tx.Prepare(`UPDATE organisations SET sort_sv = ?, sort_nb = ?, sort_en = ? WHERE id = ?`)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, n := range todo {
			if _, err := st.Exec(domain.SortKey("sv", n.name), domain.SortKey("nb", n.name), domain.SortKey("en", n.name), n.id); err != nil {
				return err
			}
		}
		return nil
	})
}
