// Package backup keeps copies of the local database that can be restored:
// a consistent copy at any moment (VACUUM INTO, through a read connection,
// while the window and commands go on writing), the rolling daily copies
// in the data folder's backups folder (7 daily, 4 weekly), and the restore
// that puts a copy back in place safely (restore.go).
package backup

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/mattn/go-sqlite3"

	"eu.ilsa.coach/ilsa/data"
)

// DirName is the backups folder inside the data folder. Backups never go
// into the shared folder: they hold everything, unencrypted, and the
// shared folder is read by every colleague and the cloud behind it.
const DirName = "backups"

// Dir is the backups folder of the data folder dataDir.
func Dir(dataDir string) string { return filepath.Join(dataDir, DirName) }

// tempPattern begins the name of a backup being written.
const tempPattern = ".ilsa-backup-"

// Perm is a backup's permission: only the owner reads it, as the database.
const Perm fs.FileMode = 0o600

// Error is a backup or restore that did nothing: Code says why in words
// translations has (MessageKey), Path names the file or folder.
type Error struct {
	Code string // one of the Code… constants
	Path string
	Err  error // the cause, if any
}

// The reasons a backup or a restore is refused.
const (
	CodeFolderMissing = "backup.error.folder_missing" // the folder to write into does not exist
	CodeDiskFull      = "backup.error.disk_full"      // no room for the copy
	CodeWrite         = "backup.error.write"          // any other failure writing the copy
	CodeNotDatabase   = "backup.error.not_database"   // the file to restore is not an ILSA Coach database
	CodeDamaged       = "backup.error.damaged"        // it fails the integrity check
	CodeTooNew        = "backup.error.too_new"        // it was written by a newer ILSA Coach
	CodeInUse         = "backup.error.in_use"         // the database is open in another window or command
	CodeMissing       = "backup.error.missing"        // the file to restore is not there
)

func (e *Error) Error() string {
	msg := e.Code + ": " + e.Path
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// MessageKey lets translations say it in the user's language.
func (e *Error) MessageKey() (string, []any) { return e.Code, []any{"Path", e.Path} }

// Write makes a consistent copy of st's database at path, atomically: the
// copy is written under a temporary name beside path and renamed into
// place once complete and on disk, so a failure (a full disk, a missing
// folder) leaves no file and never replaces an earlier one at path.
func Write(ctx context.Context, st *data.Store, path string) error {
	dir := filepath.Dir(path)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return &Error{Code: CodeFolderMissing, Path: dir, Err: err}
	}
	tmp, err := os.CreateTemp(dir, tempPattern+"*.tmp")
	if err != nil {
		return writeError(dir, err)
	}
	name := tmp.Name()
	tmp.Close()
	done := false
	defer func() {
		if !done {
			os.Remove(name)
			os.Remove(name + "-journal")
		}
	}()
	// VACUUM INTO writes into an empty file it finds, and the copy holds
	// only live pages: smaller than the database, and already compact.
	if err := st.VacuumInto(ctx, name); err != nil {
		return writeError(path, err)
	}
	if err := syncFile(name); err != nil {
		return writeError(path, err)
	}
	if err := os.Chmod(name, Perm); err != nil {
		return writeError(path, err)
	}
	if err := os.Rename(name, path); err != nil {
		return writeError(path, err)
	}
	done = true
	syncDir(dir)
	return nil
}

// writeError names a full disk as such; anything else is a failed write.
func writeError(path string, err error) error {
	var se sqlite3.Error
	if errors.Is(err, syscall.ENOSPC) || (errors.As(err, &se) && se.Code == sqlite3.ErrFull) {
		return &Error{Code: CodeDiskFull, Path: path, Err: err}
	}
	return &Error{Code: CodeWrite, Path: path, Err: err}
}

func syncFile(name string) error {
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncDir makes a rename durable where the system allows it (not on
// Windows, where the file system's journal keeps it).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
