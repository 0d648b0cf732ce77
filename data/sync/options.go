package sync

import (
	"io"
	"time"
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
}

func (o *Options) fill() {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Open == nil {
		o.Open = openFile
	}
}
