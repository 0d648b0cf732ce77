// Package atomicfile writes a file under a temporary name in the folder of
// its final name and renames it into place only once it is complete and on
// disk. A reader (a colleague's sync, Syncthing, a PDF viewer) never sees
// half a file under the final name, and a failed write (a full disk, a
// cancelled report) never replaces a good file.
//
// Every file it writes gets Perm, whatever the temporary file was created
// with: the bundles and device.json in the shared folder, the device marker
// beside the database, the reports.
//
// It is written here rather than taken from github.com/google/renameio/v2:
// that library builds only for Unix (on Windows it exports nothing, and its
// "maybe" package falls back to writing the file in place), while the app
// ships on Windows too; and a bundle's final name is known only after it is
// written (it carries the checksum), and the sync's tests inject a temporary
// file that fails. os.Rename replaces an existing file on Windows as well
// (MoveFileEx with MOVEFILE_REPLACE_EXISTING, one step within a volume);
// there it fails while another program holds the old file open, and the
// temporary file is removed then.
package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Perm is the permission of every file written: readable by the group and
// others, writable by the owner. Files in a shared folder on a network drive
// are read by the colleagues' accounts (Syncthing also carries the bits to
// the other devices), so a private file (os.CreateTemp's 0600) would stop
// their sync; who can reach a file at all is decided by the folder's own
// permissions.
const Perm fs.FileMode = 0o644

// File is the temporary file being written: an *os.File, or what a test's
// CreateFunc returns.
type File interface {
	io.Writer
	Name() string
	Sync() error
	Close() error
}

// CreateFunc creates a new temporary file in dir, as os.CreateTemp does
// (pattern's last "*" becomes a random string). Tests inject one that fails.
type CreateFunc func(dir, pattern string) (File, error)

func createTemp(dir, pattern string) (File, error) { return os.CreateTemp(dir, pattern) }

// Pending is a file being written under a temporary name. Commit puts it in
// place; Discard (safe to defer) removes it when Commit did not happen.
type Pending struct {
	f    File
	dir  string
	done bool
}

// New creates a temporary file in dir named after pattern (os.CreateTemp's
// form; readers of the folder recognise and skip such names). create nil:
// os.CreateTemp.
func New(dir, pattern string, create CreateFunc) (*Pending, error) {
	if create == nil {
		create = createTemp
	}
	f, err := create(dir, pattern)
	if err != nil {
		return nil, err
	}
	return &Pending{f: f, dir: dir}, nil
}

// Write writes to the temporary file.
func (p *Pending) Write(b []byte) (int, error) { return p.f.Write(b) }

// Commit makes the temporary file durable, gives it Perm and renames it to
// path (in the same folder). On failure the temporary file is removed and
// an existing file at path is left as it was.
func (p *Pending) Commit(path string) error {
	if p.done {
		return errors.New("atomicfile: commit after commit or discard")
	}
	p.done = true
	tmp := p.f.Name()
	err := p.f.Sync()
	if cerr := p.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, Perm)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	syncDir(filepath.Dir(path))
	return nil
}

// Discard closes and removes the temporary file unless Commit was called.
func (p *Pending) Discard() {
	if p.done {
		return
	}
	p.done = true
	p.f.Close()
	os.Remove(p.f.Name()) // our own temporary file, never anything else
}

// Write lets write fill a temporary file beside path and renames it to path
// once write and the disk succeeded. An error of write is returned as it is.
func Write(path string, write func(io.Writer) error) error {
	p, err := New(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp", nil)
	if err != nil {
		return err
	}
	defer p.Discard()
	if err := write(p); err != nil {
		return err
	}
	return p.Commit(path)
}

// WriteFile writes b to path through a temporary file (see Write).
func WriteFile(path string, b []byte) error {
	return Write(path, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}

// syncDir makes a rename durable where the system allows it; where it does
// not (Windows), the file system's journal keeps the rename.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
