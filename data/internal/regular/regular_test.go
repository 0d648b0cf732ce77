//go:build unix

package regular

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestOpenRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.bundle")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo.bundle")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	linkToFile, linkToFifo := filepath.Join(dir, "l1"), filepath.Join(dir, "l2")
	os.Symlink(file, linkToFile)
	os.Symlink(fifo, linkToFifo)
	for _, p := range []string{file, linkToFile} {
		f, err := Open(p)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		f.Close()
	}
	for _, p := range []string{fifo, linkToFifo, dir, os.DevNull} {
		if f, err := Open(p); !errors.Is(err, ErrNotRegular) {
			if f != nil {
				f.Close()
			}
			t.Fatalf("%s: %v", p, err)
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		err := Check(p, e)
		if want := p == file || p == linkToFile; (err == nil) != want {
			t.Fatalf("Check %s: %v", e.Name(), err)
		}
	}
}
