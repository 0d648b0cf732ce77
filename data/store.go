// Package data is ILSA Coach's SQLite store: opening, migrations, the
// checkpointer, and the reads and edits the screens and commands need (the
// values and their rules are in data/domain; every write of a synced record
// goes through the change-log engine, data/changelog). It never imports Fyne: the
// CLI, the GUI and the tests all call the same functions.
package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"eu.ilsa.coach/ilsa/data/changelog"

	"github.com/gofrs/flock"
	"github.com/google/uuid"
	_ "github.com/mattn/go-sqlite3" // registers "sqlite3"; built with -tags sqlite_fts5

	"eu.ilsa.coach/ilsa/data/hlc"
)

// DBFileName is the database's name inside the data directory.
const DBFileName = "ilsa.db"

// Options tune Open; the zero value is right for the app.
type Options struct {
	// Now is the physical clock; tests inject a fake. Nil means time.Now.
	Now func() time.Time
	// ReadOnly opens without creating or migrating (for `ilsa check` on a
	// copy). A data folder or database file this process may not write is
	// opened read-only whatever this says; Store.ReadOnly tells.
	ReadOnly bool
}

// Store is the local database. One writer connection serialises writes (SQLite
// allows one writer at a time anyway, and one connection means no busy waits
// between our own goroutines); a pool of read connections serves queries
// concurrently thanks to WAL.
type Store struct {
	path     string
	r        *sql.DB
	eng      *changelog.Engine // the change-log engine: the only writer
	now      func() time.Time
	readOnly bool          // opened read-only: every write is refused with *ReadOnlyError
	commits  atomic.Uint64 // write transactions of this store that wrote records
	ckpt     *checkpointer // nil when read-only
	inUse    *flock.Flock  // the shared lock a restore waits for (inuse.go); nil where none can be taken
	vocab    vocabulary    // the words of the notes' indexes, for words inside compounds (vocabulary.go)
}

// Open opens (creating and migrating if needed) the database at path. A
// file SQLite finds damaged gives a *DamagedError, and is left as it is.
func Open(path string, opt Options) (*Store, error) {
	s, err := open(path, opt)
	if err != nil {
		return nil, damaged(path, err)
	}
	return s, nil
}

func open(path string, opt Options) (*Store, error) {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if !opt.ReadOnly {
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, err
		}
	}
	dsn := func(mode string) string {
		q := url.Values{}
		q.Set("_busy_timeout", "5000")
		q.Set("_foreign_keys", "on")
		q.Set("_synchronous", "NORMAL")
		mode, immutable := strings.CutSuffix(mode, "&immutable=1")
		q.Set("mode", mode)
		if immutable {
			q.Set("immutable", "1")
		}
		if mode != "ro" {
			// The writer takes the write lock when a transaction begins, so
			// two writers never deadlock upgrading from a read lock.
			q.Set("_txlock", "immediate")
			q.Set("_journal_mode", "WAL")
		}
		return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	}
	// A used folder whose database is missing or empty was damaged: say
	// so rather than start an empty database over the lost one.
	marker, err := checkNotLost(path)
	if err != nil {
		return nil, err
	}
	_, statErr := os.Stat(path)
	inUse, err := holdShared(path)
	if err != nil {
		return nil, err
	}
	opened := false
	defer func() {
		if !opened && inUse != nil {
			inUse.Close()
		}
	}()
	if !opt.ReadOnly && folderReadOnly(path) {
		if statErr != nil {
			return nil, &ReadOnlyError{Dir: filepath.Dir(path)}
		}
		opt.ReadOnly = true
	}
	s := &Store{path: path, now: opt.Now, readOnly: opt.ReadOnly, inUse: inUse}
	writeMode := "rwc"
	if opt.ReadOnly {
		writeMode = "ro"
		if statErr != nil {
			return nil, statErr
		}
		if wal, err := os.Stat(path + "-wal"); err != nil || wal.Size() == 0 {
			// Nothing in a log to read: SQLite may take the file as it is,
			// which also works where it could not create its -shm file.
			writeMode = "ro&immutable=1"
		}
	}
	w, err := openWriter(dsn(writeMode), opt.ReadOnly)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if !opt.ReadOnly {
		if err = migrate(w); err != nil {
			w.Close()
			return nil, err
		}
	} else if v, verr := schemaVersion(w); verr != nil || v != LatestSchema() {
		w.Close()
		switch {
		case verr != nil:
		case v > LatestSchema():
			verr = ErrSchemaTooNew
		default: // an older database needs its migrations, which cannot be written
			verr = &ReadOnlyError{Dir: filepath.Dir(path)}
		}
		return nil, verr
	}
	readMode := "ro"
	if opt.ReadOnly {
		readMode = writeMode // immutable too, where the folder cannot hold SQLite's -shm file
	}
	if s.r, err = sql.Open("sqlite3", dsn(readMode)); err != nil {
		w.Close()
		return nil, err
	}
	s.r.SetMaxOpenConns(4)
	// From here on the engine alone holds the writer.
	eng := changelog.Options{Now: opt.Now, OnCommit: s.committed}
	if opt.ReadOnly {
		eng.ReadOnly = &ReadOnlyError{Dir: filepath.Dir(path)}
	}
	if s.eng, err = changelog.New(w, eng); err != nil {
		s.r.Close()
		return nil, err
	}
	if !opt.ReadOnly {
		// Best effort: without the marker only the lost-database check is
		// weaker; a full disk must not stop the app from opening.
		if marker == "" {
			_ = writeDeviceMarker(path, s.DeviceID())
		}
		ck, err := sql.Open("sqlite3", dsn("rwc"))
		if err != nil {
			s.Close()
			return nil, err
		}
		ck.SetMaxOpenConns(1)
		s.ckpt = startCheckpointer(ck)
	}
	opened = true
	return s, nil
}

// openWriter opens the one connection that writes, which Open migrates
// and then hands to the change-log engine.
func openWriter(dsn string, readOnly bool) (*sql.DB, error) {
	w, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return nil, err
	}
	w.SetMaxOpenConns(1)
	w.SetConnMaxIdleTime(0)
	if err = w.Ping(); err != nil {
		w.Close()
		return nil, err
	}
	// Statement journals (multi-row INSERTs inside an import's transaction
	// need one) stay in memory instead of going through a temporary file,
	// and the checkpointer, not the commit, copies the log into the file
	// (checkpoint.go). The writer is one connection kept open, so the
	// settings hold; were it ever reopened, only speed would suffer.
	pragmas := "PRAGMA temp_store = MEMORY"
	if !readOnly {
		pragmas += "; PRAGMA wal_autocheckpoint = 0"
	}
	if _, err = w.Exec(pragmas); err != nil {
		w.Close()
		return nil, err
	}
	return w, nil
}

// Close stops the checkpointer and closes the connections; the last one to
// close copies what is left of the log into the database file.
func (s *Store) Close() error {
	var errs []error
	errs = append(errs, s.ckpt.close())
	if s.r != nil {
		errs = append(errs, s.r.Close())
	}
	if s.eng != nil {
		errs = append(errs, s.eng.Close()...)
	}
	if s.inUse != nil {
		errs = append(errs, s.inUse.Close())
	}
	return errors.Join(errs...)
}

// ReadOnly reports whether the store was opened read-only (asked for, or a
// data folder this process may not write).
func (s *Store) ReadOnly() bool { return s.readOnly }

// ReadDB is the store's read-only pool, for a package that runs its own
// queries over the tables: the funder report reads a whole period in a few
// narrow scans of its own (data/report/indicators/queries.go). Nothing can
// be written through it.
func (s *Store) ReadDB() *sql.DB { return s.r }

// Path is the database file.
func (s *Store) Path() string { return s.path }

// DeviceID is this installation's identity in the change log.
func (s *Store) DeviceID() string { return s.eng.DeviceID() }

// Clock exposes the hybrid logical clock (sync observes remote timestamps).
func (s *Store) Clock() *hlc.Clock { return s.eng.Clock() }

// committed counts a write transaction that committed and has its pages
// copied into the database file soon.
func (s *Store) committed(records bool) {
	if records {
		s.commits.Add(1)
	}
	s.ckpt.wake()
}

// NewID returns a fresh UUIDv7 (time-ordered: good B-tree locality).
func NewID() string {
	id, err := uuid.NewV7()
	if err != nil {
		panic(err) // only fails when the system's random source does
	}
	return id.String()
}

// Ping checks the database answers (used by the CLI's check).
func (s *Store) Ping(ctx context.Context) error { return s.r.PingContext(ctx) }

// Generation identifies the state of the records: it changes after every
// write of records by this store and whenever another process (the command
// line, say) has committed to the same file. Device-local writes (a draft
// kept while typing, a setting) leave it as it is: no list shows them.
// Screens use it to skip reloading a list, or looking for duplicates again,
// when nothing they show can have changed.
type Generation struct {
	local    uint64
	external int64
}

// Generation reads the current generation.
func (s *Store) Generation(ctx context.Context) (Generation, error) {
	g := Generation{local: s.commits.Load()}
	// data_version on the writer connection changes only when another
	// connection — in practice another process — commits.
	var err error
	g.external, err = s.eng.DataVersion(ctx)
	return g, err
}
