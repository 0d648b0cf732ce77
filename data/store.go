// Package data is ILSA Coach's SQLite store: opening, migrations, the
// checkpointer, and the reads and edits the screens and commands need (the
// values and their rules are in data/domain; every write of a synced record
// goes through the change-log engine, data/changelog). It never imports Fyne: the
// CLI, the GUI and the tests all call the same functions.
package data

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/domain"

	"github.com/google/uuid"
	_ "github.com/mattn/go-sqlite3" // registers "sqlite3"; built with -tags sqlite_fts5

	"eu.ilsa.coach/ilsa/data/hlc"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

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
	commits  atomic.Uint64 // successful write transactions of this store
	ckpt     *checkpointer // nil when read-only
}

// ErrSchemaTooNew means the database was written by a newer ILSA Coach.
var ErrSchemaTooNew = errors.New("database schema is newer than this program")

// Open opens (creating and migrating if needed) the database at path.
func Open(path string, opt Options) (*Store, error) {
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
	if !opt.ReadOnly && folderReadOnly(path) {
		if statErr != nil {
			return nil, &ReadOnlyError{Dir: filepath.Dir(path)}
		}
		opt.ReadOnly = true
	}
	s := &Store{path: path, now: opt.Now, readOnly: opt.ReadOnly}
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

type migration struct {
	version int
	name    string
	sql     string
}

func migrations() []migration {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		panic(err)
	}
	var out []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		if !ok {
			continue
		}
		v, err := strconv.Atoi(num)
		if err != nil {
			continue
		}
		b, err := migrationFiles.ReadFile("migrations/" + e.Name())
		if err != nil {
			panic(err)
		}
		out = append(out, migration{v, e.Name(), string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	return out
}

// LatestSchema is the schema version this program writes.
func LatestSchema() int {
	m := migrations()
	return m[len(m)-1].version
}

// SchemaVersion reads PRAGMA user_version.
func (s *Store) SchemaVersion() (int, error) { return schemaVersion(s.r) }

func schemaVersion(q queryer) (int, error) {
	var v int
	err := q.QueryRow("PRAGMA user_version").Scan(&v)
	return v, err
}

// migrate applies the migrations the database w has not seen, before the
// store and its engine use it.
func migrate(w *sql.DB) error {
	current, err := schemaVersion(w)
	if err != nil {
		return err
	}
	if current > LatestSchema() {
		return fmt.Errorf("%w (database %d, program %d)", ErrSchemaTooNew, current, LatestSchema())
	}
	for _, m := range migrations() {
		if m.version <= current {
			continue
		}
		tx, err := w.Begin()
		if err != nil {
			return err
		}
		// Another process opening the same database (the window and a
		// command started together after an update) may have applied it
		// meanwhile: the version read under the write lock decides.
		var now int
		if err := tx.QueryRow("PRAGMA user_version").Scan(&now); err != nil {
			tx.Rollback()
			return err
		}
		if now >= m.version {
			tx.Rollback()
			continue
		}
		if _, err := tx.Exec(m.sql); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// The store's keys in the local table (the engine keeps its own).
const (
	localAdvisor  = "profile.advisor"
	localOrg      = "profile.organisation"
	localCountry  = "profile.country"
	localInitDone = "profile.done"
)

type queryer interface {
	QueryRow(query string, args ...any) *sql.Row
}

func getLocal(q queryer, key string) (string, error) {
	var v string
	err := q.QueryRow("SELECT value FROM local WHERE key = ?", key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}

// Setting reads a device-local setting ("" when unset).
func (s *Store) Setting(key string) (string, error) {
	return getLocal(s.r, "setting."+key)
}

// SetSetting stores a device-local setting (language, theme, window size…).
func (s *Store) SetSetting(key, value string) error {
	return s.eng.WriteLocal(func(tx changelog.LocalTx) error { return tx.SetLocal("setting."+key, value) })
}

// committed counts a write transaction that committed and has its pages
// copied into the database file soon.
func (s *Store) committed() {
	s.commits.Add(1)
	s.ckpt.wake()
}

// Profile is the advisor using this device. Device-local: it names the
// advisor on new visits but is not itself synced.
type Profile struct {
	Advisor      string
	Organisation string
	Country      domain.Country
	Done         bool // the first-run welcome has been completed
}

// Check checks the profile's texts, which end up in visits and actions
// (the advisor, the owner): each on one line, without control characters.
func (p Profile) Check() error {
	return errors.Join(domain.CheckSingleLine("advisor", strings.TrimSpace(p.Advisor)),
		domain.CheckSingleLine("org", strings.TrimSpace(p.Organisation)))
}

// Profile reads the advisor profile.
func (s *Store) Profile() (Profile, error) {
	var p Profile
	var err error
	get := func(k string) string {
		v, e := getLocal(s.r, k)
		if e != nil && err == nil {
			err = e
		}
		return v
	}
	p.Advisor = get(localAdvisor)
	p.Organisation = get(localOrg)
	p.Country = domain.Country(get(localCountry))
	p.Done = get(localInitDone) == "1"
	return p, err
}

// SetProfile validates and stores the advisor profile.
func (s *Store) SetProfile(p Profile) error {
	p.Advisor = strings.TrimSpace(p.Advisor)
	p.Organisation = strings.TrimSpace(p.Organisation)
	if p.Advisor == "" {
		return invalid("advisor", "required")
	}
	if err := p.Check(); err != nil { // one line each, no control characters
		return err
	}
	if p.Country != "" && !p.Country.Valid() {
		return invalid("country", "country.unknown", "value", string(p.Country))
	}
	return s.eng.WriteLocal(func(tx changelog.LocalTx) error {
		for k, v := range map[string]string{localAdvisor: p.Advisor, localOrg: p.Organisation, localCountry: string(p.Country), localInitDone: "1"} {
			if err := tx.SetLocal(k, v); err != nil {
				return err
			}
		}
		return nil
	})
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

// Generation identifies the state of the database: it changes after every
// write of this store and whenever another process (the command line, say)
// has committed to the same file. Screens use it to skip reloading a list
// that cannot have changed.
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
