package atomicfile_test

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"

	"eu.ilsa.coach/ilsa/data/atomicfile"
)

// onlyFile fails unless dir holds exactly the file name.
func onlyFile(t *testing.T, dir, name string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != name {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Fatalf("folder holds %v, want only %s", names, name)
	}
}

func TestWriteFileReplacesAndIsReadableByColleagues(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "device.json")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := atomicfile.WriteFile(path, []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "new\n" {
		t.Fatalf("read %q, %v", b, err)
	}
	onlyFile(t, dir, "device.json")
	if runtime.GOOS != "windows" {
		if fi, _ := os.Stat(path); fi.Mode().Perm() != atomicfile.Perm {
			t.Errorf("mode %v, want %v", fi.Mode().Perm(), atomicfile.Perm)
		}
	}
}

// A write that fails halfway leaves the good file and no temporary file.
func TestFailedWriteKeepsTheOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.pdf")
	if err := os.WriteFile(path, []byte("good"), 0o644); err != nil {
		t.Fatal(err)
	}
	broken := errors.New("the report stopped")
	err := atomicfile.Write(path, func(w io.Writer) error {
		io.WriteString(w, "half a rep")
		return broken
	})
	if !errors.Is(err, broken) {
		t.Fatalf("err = %v, want the writer's", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "good" {
		t.Fatalf("file now %q", b)
	}
	onlyFile(t, dir, "report.pdf")
}

// A bundle's name is known only after it is written; a failing rename (the
// target is a folder) removes the temporary file.
func TestPendingCommitUnderALaterNameAndFailure(t *testing.T) {
	dir := t.TempDir()
	p, err := atomicfile.New(dir, ".ilsa-*.tmp", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Discard()
	io.WriteString(p, "bundle")
	if err := p.Commit(filepath.Join(dir, "1-abc.ilsa")); err != nil {
		t.Fatal(err)
	}
	onlyFile(t, dir, "1-abc.ilsa")
	if err := p.Commit(filepath.Join(dir, "again")); err == nil {
		t.Error("a second commit succeeded")
	}

	sub := filepath.Join(dir, "taken")
	if err := os.MkdirAll(filepath.Join(sub, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	q, err := atomicfile.New(dir, ".ilsa-*.tmp", nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := q.Commit(sub); err == nil {
		t.Fatal("renamed over a folder")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Fatalf("left behind: %v", entries)
	}
}

func TestCreateFailureIsReturned(t *testing.T) {
	refused := &fs.PathError{Op: "open", Path: "x", Err: syscall.EROFS}
	_, err := atomicfile.New(t.TempDir(), ".ilsa-*.tmp", func(string, string) (atomicfile.File, error) { return nil, refused })
	if !errors.Is(err, syscall.EROFS) {
		t.Fatalf("err = %v", err)
	}
}
