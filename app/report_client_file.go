package app

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"eu.ilsa.coach/ilsa/data/atomicfile"
)

// writeViaTemp lets write fill a temporary file beside path and renames
// it into place only when all went well (atomicfile), so a failed run never
// leaves half a file (nor replaces a good one). A failure of the file system
// names path, not the temporary file.
func writeViaTemp(path string, write func(io.Writer) (int, error)) (int, error) {
	p, err := atomicfile.New(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp", nil)
	if err != nil {
		return 0, &writeFileError{path, err}
	}
	defer p.Discard()
	n, err := write(p)
	if err != nil {
		return 0, err
	}
	if err := p.Commit(path); err != nil {
		return 0, &writeFileError{path, err}
	}
	return n, nil
}

// checkOutFile checks, before any work is done, that a file can be written
// at path: its folder exists and path is not a folder. Writing can still
// fail (no permission, a full disk); writeViaTemp says so then.
func checkOutFile(path string) error {
	if path == "" {
		return usage("cli.error.flag_value", "Flag", "--out", "Value", path)
	}
	if isDir(path) {
		return &writeFileError{path, syscall.EISDIR}
	}
	if _, err := os.Stat(filepath.Dir(path)); err != nil && !errors.Is(err, fs.ErrPermission) {
		return &writeFileError{path, err}
	} else if err == nil && !isDir(filepath.Dir(path)) {
		return &writeFileError{path, syscall.ENOTDIR}
	}
	return nil
}

// asWriteFileError names path in a failure of the file system while
// writing it, whatever temporary file the failing call had open.
func asWriteFileError(path string, err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	if errors.As(err, &pe) || errors.As(err, &le) {
		return &writeFileError{path, err}
	}
	return err
}

// writeFileError says which file could not be written, and why, without
// the temporary name the failing call saw.
type writeFileError struct {
	path string
	err  error
}

func (e *writeFileError) Error() string { return "write " + e.path + ": " + e.err.Error() }
func (e *writeFileError) Unwrap() error { return e.err }

// MessageKey makes it a sentence in the user's language (translations.Keyed).
func (e *writeFileError) MessageKey() (string, []any) {
	dir := filepath.Dir(e.path)
	switch {
	case isDir(e.path):
		return "cli.error.write_file.is_folder", []any{"File", e.path}
	case exists(dir) && !isDir(dir):
		return "cli.error.write_file.dir_is_file", []any{"File", e.path, "Dir", dir}
	case !isDir(dir):
		return "cli.error.write_file.no_folder", []any{"File", e.path, "Dir", dir}
	case errors.Is(e.err, fs.ErrPermission):
		return "cli.error.write_file.permission", []any{"File", e.path, "Dir", dir}
	}
	reason := e.err.Error()
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(e.err, &pe):
		reason = pe.Err.Error()
	case errors.As(e.err, &le):
		reason = le.Err.Error()
	}
	return "cli.error.write_file", []any{"File", e.path, "Reason", reason}
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}
