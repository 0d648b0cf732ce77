package app

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// writeViaTemp lets write fill a temporary file beside path and renames
// it into place only when all went well, so a failed run never leaves half
// a file (nor replaces a good one).
func writeViaTemp(path string, write func(*os.File) (int, error)) (int, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return 0, &writeFileError{path, err}
	}
	tmp := f.Name()
	n, err := write(f)
	if cerr := f.Close(); err == nil && cerr != nil {
		err = &writeFileError{path, cerr}
	}
	if err == nil {
		// CreateTemp makes the file private (0600); a report is an
		// ordinary document.
		if err = os.Chmod(tmp, 0o644); err != nil {
			err = &writeFileError{path, err}
		}
	}
	if err == nil {
		if err = os.Rename(tmp, path); err != nil {
			err = &writeFileError{path, err}
		}
	}
	if err != nil {
		os.Remove(tmp)
		return 0, err
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
