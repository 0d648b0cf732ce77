// Package regular opens files that arrive from outside (a shared folder, a
// models folder, a path the user gave) without ever blocking: a FIFO, a
// device or a socket under a bundle's or a model's name is refused instead
// of hanging the program on open or on read.
package regular

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// ErrNotRegular is returned for anything that is not a regular file (or a
// symbolic link to one): a pipe, a device, a socket, a folder.
var ErrNotRegular = errors.New("not a regular file")

// Open opens path for reading if it is a regular file. It checks twice: a
// Stat before opening (so nothing else is opened at all), and an Fstat of
// what was opened (the file may have been replaced in between). The open
// itself does not block where the system allows it (O_NONBLOCK on Unix: a
// FIFO without a writer would otherwise block for ever).
func Open(path string) (*os.File, error) {
	fi, err := os.Stat(path) // follows a symbolic link: a link to a regular file is fine
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, notRegular(path, fi.Mode())
	}
	f, err := os.OpenFile(path, os.O_RDONLY|nonblock, 0)
	if err != nil {
		return nil, err
	}
	fi, err = f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return nil, notRegular(path, fi.Mode())
	}
	return f, nil
}

// Check says whether a directory entry is a regular file (following a
// symbolic link), without opening it; nil if it is.
func Check(path string, e fs.DirEntry) error {
	t := e.Type()
	if t.IsRegular() {
		return nil
	}
	if t&fs.ModeSymlink != 0 {
		fi, err := os.Stat(path)
		if err != nil {
			return err
		}
		t = fi.Mode().Type()
		if t.IsRegular() {
			return nil
		}
	}
	return notRegular(path, t)
}

func notRegular(path string, m fs.FileMode) error {
	return &fs.PathError{Op: "open", Path: path, Err: fmt.Errorf("%w (%s)", ErrNotRegular, kind(m))}
}

func kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "a device"
	case m.IsDir():
		return "a folder"
	}
	return "not a file"
}
