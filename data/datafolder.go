package data

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/mattn/go-sqlite3"

	"eu.ilsa.coach/ilsa/data/atomicfile"
)

// DeviceMarkerName is a small file beside the database that holds this
// installation's device id. It proves the folder has been used: a database
// file that is then missing or empty was lost (truncated by a crash, a bad
// copy, a tool that "cleaned" it), and must not be silently replaced by a
// new, empty one — that would throw away the device's identity and every
// change not yet synced, and `check` would call the result healthy.
const DeviceMarkerName = "ilsa.device"

// DatabaseLostError means the data folder has been used but its database is
// missing or empty. Nothing was created or changed.
type DatabaseLostError struct {
	Path   string // the database file
	Empty  bool   // the file is there with 0 bytes (else it is missing)
	Device string // the device id the folder's marker names, if any
}

func (e *DatabaseLostError) Error() string {
	state := "missing"
	if e.Empty {
		state = "empty"
	}
	return fmt.Sprintf("database %s is %s, but the data folder has been used (device %s): refusing to start a new one", e.Path, state, e.Device)
}

// ReadOnlyError refuses a write to a store opened read-only (a read-only
// data folder, or a database file the user may not write).
type ReadOnlyError struct{ Dir string }

func (e *ReadOnlyError) Error() string {
	return "the data folder " + e.Dir + " is read-only: nothing can be changed"
}

// checkNotLost refuses to open a database that is missing or empty in a
// data folder that has been used: one with the device marker, or with a
// write-ahead log holding data. It returns the device id the marker names
// ("" when there is none yet).
func checkNotLost(path string) (marker string, err error) {
	dir := filepath.Dir(path)
	b, markerErr := os.ReadFile(filepath.Join(dir, DeviceMarkerName))
	marker = strings.TrimSpace(string(b))
	used := markerErr == nil
	if wal, err := os.Stat(path + "-wal"); err == nil && wal.Size() > 0 {
		used = true
	}
	if !used {
		return marker, nil
	}
	lost := &DatabaseLostError{Path: path, Device: marker}
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return marker, lost
	case err == nil && st.Size() == 0:
		lost.Empty = true
		return marker, lost
	}
	return marker, nil
}

// writeDeviceMarker records the device id beside the database.
func writeDeviceMarker(path, device string) error {
	return atomicfile.WriteFile(filepath.Join(filepath.Dir(path), DeviceMarkerName), []byte(device+"\n"))
}

// folderReadOnly reports whether nothing can be written in the database's
// folder or to the database file: a read-only mount, a folder or file
// without write permission. It probes by creating (and removing) a file,
// the one test that holds on every system and for every user.
func folderReadOnly(path string) bool {
	dir := filepath.Dir(path)
	probe, err := os.CreateTemp(dir, ".ilsa-probe-*")
	if err != nil {
		return isReadOnlyErr(err)
	}
	probe.Close()
	os.Remove(probe.Name())
	if f, err := os.OpenFile(path, os.O_RDWR, 0); err == nil {
		f.Close()
	} else if isReadOnlyErr(err) {
		return true
	}
	return false
}

func isReadOnlyErr(err error) bool {
	return errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)
}

// DamagedError means the database file is there but SQLite finds it
// damaged (not a database any more, or a page that does not read). Open
// changes nothing then: the file stays as it is for a restore of a backup
// or an export of what can still be read.
type DamagedError struct {
	Path string
	Err  error
}

func (e *DamagedError) Error() string { return "database " + e.Path + " is damaged: " + e.Err.Error() }

func (e *DamagedError) Unwrap() error { return e.Err }

// damaged wraps err as a *DamagedError when SQLite says the file is
// damaged, and returns it unchanged otherwise.
func damaged(path string, err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB) {
		return &DamagedError{Path: path, Err: err}
	}
	return err
}
