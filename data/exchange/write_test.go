package exchange_test

import (
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"

	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/exchange"
	"eu.ilsa.coach/ilsa/data/exchange/bundle"
)

// ownChanges reads every change in the bundles of dev's directory.
func ownChanges(t *testing.T, folder, dev string) []changelog.Change {
	t.Helper()
	var out []changelog.Change
	for _, p := range bundles(t, folder, dev) {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		r, err := bundle.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		for {
			c, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, c)
		}
		f.Close()
	}
	return out
}

// A visit made offline for an organisation that a colleague merged away is
// moved by the sync that brings the merge; that move is an edit of this
// device and must be in the bundle the same sync writes, so the others get
// it now, not one sync later.
func TestRehomedRecordsAreWrittenByTheSameSync(t *testing.T) {
	folder := t.TempDir()
	a, b := newDevice(t), newDevice(t)
	dup, keep := a.org("Åre Skidskola AB"), a.org("Åre Skidskola Aktiebolag")
	a.sync(folder)
	b.sync(folder)
	v := datatest.Visit(t, b.s, "2026-11-03", "säsongsplanering", dup.ID) // offline on b
	if _, err := a.s.MergeOrganisations(ctx, keep.ID, dup.ID); err != nil {
		t.Fatal(err)
	}
	a.sync(folder)

	res := b.sync(folder)
	mustEqual(t, "records rehomed", res.Rehomed, 1)
	want, _ := json.Marshal([]string{keep.ID})
	moved := slices.ContainsFunc(ownChanges(t, folder, b.s.DeviceID()), func(c changelog.Change) bool {
		return c.Entity == domain.EntityVisit && c.ID == v.ID && c.Field == "orgs" && c.Value == string(want)
	})
	if !moved {
		t.Fatal("the visit's move onto the kept organisation is not in b's directory after the sync that made it")
	}
	if again := b.sync(folder); len(again.Written) != 0 {
		t.Errorf("the next sync still had %d bundles to write: %+v", len(again.Written), again.Written)
	}
}

// readOnly makes every write into the folder fail as a read-only folder
// does, for root too (a chmod does not stop root); after n temporary files
// it fails the rest.
func readOnly(n int) func(dir, pattern string) (exchange.TempFile, error) {
	return func(dir, pattern string) (exchange.TempFile, error) {
		if n > 0 {
			n--
			return os.CreateTemp(dir, pattern)
		}
		return nil, &fs.PathError{Op: "open", Path: filepath.Join(dir, pattern), Err: syscall.EROFS}
	}
}

// A shared folder this device cannot write into (read-only share, a lead's
// folder shared read-only) still brings the others' changes; the sync says
// that this device's own were not written, and writes them once it can.
func TestReadOnlyFolderStillImports(t *testing.T) {
	folder := t.TempDir()
	a, b := newDevice(t), newDevice(t)
	o := b.org("Jämtkraft Fiber AB")
	b.sync(folder)
	a.org("Bräcke Bygg AB")

	res, err := exchange.Sync(ctx, a.s, folder, exchange.Options{App: "test", CreateTemp: readOnly(0)})
	if err != nil {
		t.Fatalf("a read-only folder stopped the sync: %v", err)
	}
	if _, err := a.s.Organisation(ctx, o.ID); err != nil || len(res.Imported) != 1 {
		t.Fatalf("b's bundle was not imported: %v, %+v", err, res.Imported)
	}
	own := filepath.Join(folder, filepath.FromSlash(exchange.DevicesDir), a.s.DeviceID())
	if nw := res.NotWritten; len(res.Written) != 0 || nw == nil || nw.Reason != exchange.ReasonChangesNotWritten ||
		nw.Action != exchange.ActionNotWritten || nw.Path != own || !res.Partial() {
		t.Fatalf("written %+v, not written %+v", res.Written, res.NotWritten)
	}
	leftovers, _ := os.ReadDir(own)
	if len(leftovers) != 0 {
		t.Fatalf("files left in a's directory: %v", leftovers)
	}
	// Writable again: the next sync writes what was not written.
	res = a.sync(folder)
	if len(res.Written) != 1 || res.NotWritten != nil {
		t.Fatalf("after the folder became writable: written %+v, not written %+v", res.Written, res.NotWritten)
	}
	b.sync(folder)
	if a.dump() != b.dump() {
		t.Fatal("a's changes did not reach b once the folder could be written")
	}
}

// A disk that fills up while the bundle is written: the temporary file is
// removed, nothing is recorded as written, the imports stand.
func TestFolderFullWhileWriting(t *testing.T) {
	folder := t.TempDir()
	a, b := newDevice(t), newDevice(t)
	o := b.org("Strömsunds Trävaror AB")
	b.sync(folder)
	for i := range 50 {
		a.org(fmt.Sprintf("Hammerdal Handel %d AB", i))
	}
	full := func(dir, pattern string) (exchange.TempFile, error) {
		f, err := os.CreateTemp(dir, pattern)
		return &fullFile{File: f, room: 400}, err
	}
	res, err := exchange.Sync(ctx, a.s, folder, exchange.Options{CreateTemp: full})
	if err != nil {
		t.Fatalf("a full disk stopped the sync: %v", err)
	}
	if _, err := a.s.Organisation(ctx, o.ID); err != nil {
		t.Fatal("b's organisation was not imported")
	}
	own := filepath.Join(folder, filepath.FromSlash(exchange.DevicesDir), a.s.DeviceID())
	if res.NotWritten == nil || res.NotWritten.Reason != exchange.ReasonChangesNotWritten || len(res.Written) != 0 {
		t.Fatalf("written %+v, not written %+v", res.Written, res.NotWritten)
	}
	if left, _ := os.ReadDir(own); len(left) != 0 {
		t.Fatalf("left in a's directory: %v", left)
	}
	if res := a.sync(folder); len(res.Written) != 1 {
		t.Fatalf("the next sync wrote %+v", res.Written)
	}
}

// fullFile is a file on a disk with room bytes left.
type fullFile struct {
	*os.File
	room int
}

func (f *fullFile) Write(p []byte) (int, error) {
	if len(p) > f.room {
		n, _ := f.File.Write(p[:f.room])
		f.room = 0
		return n, &fs.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
	}
	f.room -= len(p)
	return f.File.Write(p)
}

// Only device.json cannot be written: the changes were, and the result
// says which file was not.
func TestDeviceInfoNotWritten(t *testing.T) {
	folder := t.TempDir()
	a := newDevice(t)
	a.org("Ragunda Energi AB")
	res, err := exchange.Sync(ctx, a.s, folder, exchange.Options{CreateTemp: readOnly(1)}) // the bundle, then no more
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(folder, filepath.FromSlash(exchange.DevicesDir), a.s.DeviceID(), exchange.DeviceFile)
	if nw := res.NotWritten; len(res.Written) != 1 || nw == nil || nw.Reason != exchange.ReasonDeviceNotWritten || nw.Path != want {
		t.Fatalf("written %+v, not written %+v", res.Written, res.NotWritten)
	}
	if res := a.sync(folder); res.NotWritten != nil || len(res.Written) != 0 {
		t.Fatalf("next sync: written %+v, not written %+v", res.Written, res.NotWritten)
	}
	if _, err := exchange.ReadDeviceInfo(folder, "", a.s.DeviceID()); err != nil {
		t.Fatalf("device.json after the folder became writable: %v", err)
	}
}

// The same with real permissions, where they bind: the whole shared folder
// read-only, then only this device's own directory.
func TestReadOnlyFolderByPermissions(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("permissions do not stop root; TestReadOnlyFolderStillImports injects the same failure")
	}
	folder := t.TempDir()
	a, b := newDevice(t), newDevice(t)
	a.org("Krokom Kraft AB")
	a.sync(folder) // a's directory exists from now on
	o := b.org("Offerdal Ost AB")
	b.sync(folder)
	a.org("Föllinge Fisk AB")
	var dirs []string
	filepath.WalkDir(folder, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			dirs = append(dirs, p)
		}
		return nil
	})
	chmod := func(mode os.FileMode, dirs ...string) {
		for _, d := range dirs {
			if err := os.Chmod(d, mode); err != nil {
				t.Fatal(err)
			}
		}
	}
	t.Cleanup(func() { chmod(0o755, dirs...) })
	own := filepath.Join(folder, filepath.FromSlash(exchange.DevicesDir), a.s.DeviceID())

	chmod(0o555, dirs...)
	res := a.sync(folder)
	if _, err := a.s.Organisation(ctx, o.ID); err != nil || res.NotWritten == nil || res.NotWritten.Path != own {
		t.Fatalf("read-only folder: imported %v (%v), not written %+v", res.Imported, err, res.NotWritten)
	}

	chmod(0o755, dirs...)
	chmod(0o555, own)
	a.org("Hallen Hantverk AB")
	res = a.sync(folder)
	if res.NotWritten == nil || res.NotWritten.Reason != exchange.ReasonChangesNotWritten || len(res.Written) != 0 {
		t.Fatalf("read-only own directory: written %+v, not written %+v", res.Written, res.NotWritten)
	}
	chmod(0o755, own)
	if res := a.sync(folder); len(res.Written) != 1 || res.NotWritten != nil {
		t.Fatalf("writable again: written %+v, not written %+v", res.Written, res.NotWritten)
	}
}
