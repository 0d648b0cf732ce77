package exchange

import (
	"context"
	"io"
	"time"

	"eu.ilsa.coach/ilsa/data/atomicfile"
	"eu.ilsa.coach/ilsa/data/changelog"
)

// Options tune Sync, ImportFiles and Export; the zero value works.
type Options struct {
	// App is the program version, written into headers and device.json.
	App string
	// Now is the wall clock for headers (tests inject a fake); nil: time.Now.
	Now func() time.Time
	// Progress, if set, is called now and then with changes done and the
	// total announced by the bundles being imported, for a progress bar.
	Progress func(done, total int64)
	// Reseed writes this device's whole log again into a folder that looks
	// wiped (otherwise such a folder stops the sync with CodeFolderEmptied).
	Reseed bool
	// Open opens a bundle for reading; nil: a regular file only, opened
	// without blocking (a FIFO is refused). Tests inject failures.
	Open func(path string) (io.ReadCloser, error)
	// Waiting, if set, is called once when another process is syncing the
	// same database (the app's automatic sync and `ilsa sync`) and this
	// sync waits for it to finish.
	Waiting func()
	// CreateTemp creates the temporary file a bundle, an export or
	// device.json is written into before it is renamed into place
	// (atomicfile); nil: os.CreateTemp. Tests inject a folder that cannot
	// be written (a chmod does not stop root) or a disk that fills up.
	CreateTemp func(dir, pattern string) (TempFile, error)
	// KeyDir is where this device keeps its team keys and signing key
	// (package team); "": the database's folder (KeyDir).
	KeyDir string
	// EraseBackups, if set, erases the values of erasures this device
	// applied from its backups (package backup); Sync calls it before it
	// reports an erasure complete.
	EraseBackups func(ctx context.Context, erasures []changelog.Erasure) error

	crypt *crypt // loaded by Sync and ImportFiles
}

// TempFile is a file being written: an *os.File.
type TempFile = atomicfile.File

func (o *Options) fill() {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Open == nil {
		o.Open = openFile
	}
}
