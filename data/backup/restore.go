package backup

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/mattn/go-sqlite3"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/changelog"
)

// Restored says what a restore did.
type Restored struct {
	// Replaced is where the database that was in place was moved (with its
	// -wal and -shm beside it); "" when there was none.
	Replaced string
	// Device is the restored database's device id. KeptIdentity says
	// whether it is the backup's own; otherwise the backup's id (Retired)
	// was retired and this installation writes under a fresh one.
	Device       string
	Retired      string
	KeptIdentity bool
}

// sqliteMagic begins every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// Restore puts the backup file in place of the data folder's database.
//
// It refuses, changing nothing, a file that is not an ILSA Coach database,
// one that fails PRAGMA integrity_check or comes from a newer version, and
// a database that another process (the window, a command) has open. The
// database it replaces is moved aside into the backups folder, never
// deleted.
//
// The device keeps its identity only when the backup holds every change
// the device ever numbered: when the database in place is readable, has
// the backup's device id and no change of it past the backup's last. In
// every other case — the database was lost or damaged, or the device kept
// working after the backup — the device may already have written later
// changes into its directory of the shared folder under numbers the
// restored log does not know. Numbering new changes from the restored
// counter would reuse those numbers, which the other devices would take
// for a cloned laptop. So the restored database is moved to a fresh device
// id and keeps the old one as retired: its next sync imports the old id's
// bundles it does not know (its own directory is read first) and adopts
// them as written, and new changes are numbered under the fresh id.
func Restore(ctx context.Context, dataDir, file string, now time.Time) (Restored, error) {
	var res Restored
	fi, err := os.Stat(file)
	if err != nil {
		return res, &Error{Code: CodeMissing, Path: file, Err: err}
	}
	if !fi.Mode().IsRegular() {
		return res, &Error{Code: CodeNotDatabase, Path: file}
	}
	if err := os.MkdirAll(Dir(dataDir), 0o700); err != nil {
		return res, writeError(Dir(dataDir), err)
	}
	// Work on a copy: the file may change meanwhile (a backup folder on a
	// USB stick), and the copy is migrated and given its identity before
	// anything in the data folder is touched.
	work, err := os.MkdirTemp(Dir(dataDir), ".restore-*")
	if err != nil {
		return res, writeError(Dir(dataDir), err)
	}
	defer os.RemoveAll(work)
	copyPath := filepath.Join(work, data.DBFileName)
	if err := copyFile(file, copyPath); err != nil {
		return res, err
	}
	device, backupSeq, err := check(ctx, copyPath, file)
	if err != nil {
		return res, err
	}
	dbPath := filepath.Join(dataDir, data.DBFileName)
	unlock, err := data.HoldExclusive(dbPath)
	if errors.Is(err, data.ErrInUse) {
		return res, &Error{Code: CodeInUse, Path: dataDir, Err: err}
	} else if err != nil {
		return res, writeError(dataDir, err)
	}
	defer unlock()

	res.Device, res.KeptIdentity = device, identitySafe(ctx, dbPath, device, backupSeq)
	st, err := data.Open(copyPath, data.Options{})
	if err != nil { // checked above; a migration that fails here changes nothing either
		return res, &Error{Code: CodeDamaged, Path: file, Err: err}
	}
	if !res.KeptIdentity {
		res.Retired = device
		res.Device, err = st.RetireDevice()
	}
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return res, writeError(dataDir, err)
	}
	for _, leftover := range []string{"-wal", "-shm"} {
		os.Remove(copyPath + leftover) // closed cleanly: empty, if there at all
	}
	if res.Replaced, err = setAside(dbPath, now); err != nil {
		return res, writeError(dataDir, err)
	}
	if err := os.Rename(copyPath, dbPath); err != nil {
		return res, writeError(dataDir, err)
	}
	syncDir(dataDir)
	return res, data.WriteDeviceMarker(dataDir, res.Device)
}

// check proves the copy is an ILSA Coach database this version can open
// and that it passes SQLite's integrity check; it returns the database's
// device id and the highest number of that device's changes in its log.
func check(ctx context.Context, path, named string) (device string, lastSeq uint64, err error) {
	head := make([]byte, len(sqliteMagic))
	f, err := os.Open(path)
	if err != nil {
		return "", 0, &Error{Code: CodeMissing, Path: named, Err: err}
	}
	_, rerr := io.ReadFull(f, head)
	f.Close()
	if rerr != nil || !bytes.Equal(head, sqliteMagic) {
		return "", 0, &Error{Code: CodeNotDatabase, Path: named}
	}
	db, err := openRead(path)
	if err != nil {
		return "", 0, unreadable(named, err)
	}
	defer db.Close()
	var result string
	if err := db.QueryRowContext(ctx, "PRAGMA integrity_check(1)").Scan(&result); err != nil {
		return "", 0, unreadable(named, err)
	} else if result != "ok" {
		return "", 0, &Error{Code: CodeDamaged, Path: named, Err: errors.New(result)}
	}
	var version int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return "", 0, unreadable(named, err)
	}
	if version > data.LatestSchema() {
		return "", 0, &Error{Code: CodeTooNew, Path: named}
	}
	if version < 1 {
		return "", 0, &Error{Code: CodeNotDatabase, Path: named}
	}
	if err := db.QueryRowContext(ctx, "SELECT value FROM local WHERE key = 'device_id'").Scan(&device); err != nil || device == "" {
		return "", 0, unreadable(named, err)
	}
	lastSeq, err = changelog.LastOwnSeq(ctx, db, device)
	if err != nil {
		return "", 0, unreadable(named, err)
	}
	return device, lastSeq, nil
}

// unreadable says why a query of the file failed: a damaged file, or one
// that is not an ILSA Coach database.
func unreadable(named string, err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB) {
		code := CodeDamaged
		if se.Code == sqlite3.ErrNotADB {
			code = CodeNotDatabase
		}
		return &Error{Code: code, Path: named, Err: err}
	}
	return &Error{Code: CodeNotDatabase, Path: named, Err: err}
}

// identitySafe reports whether the database at dbPath (the one being
// replaced) proves that device numbered no change past lastSeq.
func identitySafe(ctx context.Context, dbPath, device string, lastSeq uint64) bool {
	if _, err := os.Stat(dbPath); err != nil {
		return false
	}
	db, err := openRead(dbPath)
	if err != nil {
		return false
	}
	defer db.Close()
	var current string
	if err := db.QueryRowContext(ctx, "SELECT value FROM local WHERE key = 'device_id'").Scan(&current); err != nil || current != device {
		return false
	}
	seq, err := changelog.LastOwnSeq(ctx, db, device)
	return err == nil && seq <= lastSeq
}

// openRead opens a database file read-only, without creating anything.
func openRead(path string) (*sql.DB, error) {
	db, err := sql.Open("sqlite3", "file:"+(&url.URL{Path: path}).EscapedPath()+"?mode=ro&_busy_timeout=5000")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// setAside moves the database at dbPath and its -wal and -shm into the
// backups folder as replaced-<time>.db…, so it can still be opened (and
// restored) later. A stale log must never stay beside the restored file:
// SQLite would apply it to the wrong database. It returns the new path of
// the database ("" when there was none).
func setAside(dbPath string, now time.Time) (string, error) {
	dir := Dir(filepath.Dir(dbPath))
	base := filepath.Join(dir, "replaced-"+now.Local().Format(nameLayout))
	aside := base + nameSuffix
	for i := 2; exists(aside) || exists(aside+"-wal"); i++ {
		aside = base + "-" + strconv.Itoa(i) + nameSuffix
	}
	var moved []string
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if !exists(dbPath + suffix) {
			continue
		}
		if err := os.Rename(dbPath+suffix, aside+suffix); err != nil {
			for _, s := range moved { // put back what was moved: nothing changed
				os.Rename(aside+s, dbPath+s)
			}
			return "", err
		}
		moved = append(moved, suffix)
	}
	if len(moved) == 0 {
		return "", nil
	}
	return aside + moved[0], nil
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// copyFile copies src into dst (a new file), through to the disk.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return &Error{Code: CodeMissing, Path: src, Err: err}
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, Perm)
	if err != nil {
		return writeError(dst, err)
	}
	_, err = io.Copy(out, in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return writeError(dst, err)
	}
	return nil
}

// Check tells whether file could be restored — an ILSA Coach database
// this version opens, that passes the integrity check — without changing
// anything: it checks a private copy, as Restore does.
func Check(ctx context.Context, file string) error {
	fi, err := os.Stat(file)
	if err != nil {
		return &Error{Code: CodeMissing, Path: file, Err: err}
	}
	if !fi.Mode().IsRegular() {
		return &Error{Code: CodeNotDatabase, Path: file}
	}
	work, err := os.MkdirTemp("", "ilsa-check-*")
	if err != nil {
		return writeError(os.TempDir(), err)
	}
	defer os.RemoveAll(work)
	copyPath := filepath.Join(work, data.DBFileName)
	if err := copyFile(file, copyPath); err != nil {
		return err
	}
	_, _, err = check(ctx, copyPath, file)
	return err
}
