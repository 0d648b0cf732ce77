//go:build unix

package models

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestLoadSkipsFIFOs: a named pipe called *.toml (and a link to one) in a
// models folder is reported and never opened, so Load does not hang; the
// other files load.
func TestLoadSkipsFIFOs(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "demo-canvas.toml", validCanvas)
	fifo := filepath.Join(dir, "pipe.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("cannot make a FIFO here:", err)
	}
	if err := os.Symlink(fifo, filepath.Join(dir, "link.toml")); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	var lib *Library
	var errs []error
	go func() { defer close(done); lib, errs = Load(nil, dir) }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("Load hangs on a FIFO")
	}
	if _, ok := lib.Latest("demo-canvas"); !ok {
		t.Fatal("the model beside the FIFO did not load")
	}
	if len(errs) != 2 {
		t.Fatalf("want the FIFO and the link reported: %v", errs)
	}
	for _, err := range errs {
		if !strings.Contains(err.Error(), "not a regular file") {
			t.Fatalf("%v", err)
		}
	}
}
