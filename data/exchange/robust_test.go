package exchange_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/exchange"
)

func TestClonedLaptopLosesNothing(t *testing.T) {
	folder := t.TempDir()
	a := newDevice(t)
	o := a.org("Steinkjer Bygg AS")
	a.sync(folder)
	b := cloneOf(t, a) // the laptop is imaged onto a second machine
	if a.s.DeviceID() != b.s.DeviceID() {
		t.Fatal("clone has another id")
	}
	shared := a.s.DeviceID()
	a.setNotes(o.ID, "Anna: söker Vinnova")
	b.setNotes(o.ID, "Ola: patent")
	b.org("Bara på klonen AB")
	ra := a.sync(folder)
	rb := b.sync(folder) // b finds a's bundle under its own id with other content
	if rb.Clones == 0 || rb.NewDeviceID == "" || b.s.DeviceID() == shared {
		t.Fatalf("clone not detected on b: %+v", rb)
	}
	ra = a.sync(folder)
	if ra.Clones == 0 || ra.NewDeviceID == "" || a.s.DeviceID() == shared || a.s.DeviceID() == b.s.DeviceID() {
		t.Fatalf("clone not detected on a: %+v", ra)
	}
	b.sync(folder)
	a.sync(folder)
	for _, d := range []*device{a, b} {
		all := d.notes(o.ID)
		cs, _ := d.s.Conflicts(ctx, false)
		for _, c := range cs {
			all += c.WinnerValue + c.LoserValue
		}
		if !strings.Contains(all, "Vinnova") || !strings.Contains(all, "patent") {
			t.Fatalf("an edit was lost: %q", all)
		}
		rows, _ := d.s.SearchOrganisations(ctx, data.OrgQuery{Text: "klonen"})
		if len(rows) != 1 {
			t.Fatal("the clone's new organisation was lost")
		}
	}
	if a.dump() != b.dump() {
		t.Fatal("clones did not converge")
	}
	// Both write under fresh ids from now on, and sync on.
	a.setNotes(o.ID, "efter klonen")
	a.sync(folder)
	b.sync(folder)
	mustEqual(t, "after", b.notes(o.ID), "efter klonen")
}

// TestKilledMidImportLeavesAConsistentDatabase stops an import in the middle
// (a cancelled context, and a file that fails while streaming): nothing of
// the bundle is applied, and the next sync does it all.
func TestKilledMidImportLeavesAConsistentDatabase(t *testing.T) {
	src := t.TempDir()
	a := newDevice(t)
	var ids []string
	for i := range 800 { // more changes than one progress step
		ids = append(ids, a.org(fmt.Sprintf("Org %03d", i)).ID)
	}
	a.sync(src)
	for _, mode := range []string{"cancel", "read error"} {
		t.Run(mode, func(t *testing.T) {
			b := newDevice(t)
			before := b.dump()
			cctx, cancel := context.WithCancel(ctx)
			defer cancel()
			opt := exchange.Options{}
			if mode == "cancel" {
				opt.Progress = func(done, total int64) {
					if done > 0 && done < total {
						cancel() // the process is killed mid-bundle
					}
				}
			} else {
				opt.Open = func(p string) (io.ReadCloser, error) {
					f, err := os.Open(p)
					if err != nil {
						return f, err
					}
					return &failingReader{r: f, left: 3000}, nil // dies while the import streams it
				}
			}
			r, err := exchange.Sync(cctx, b.s, src, opt)
			if mode == "cancel" && !errors.Is(err, context.Canceled) {
				t.Fatalf("cancel: %+v %v", r, err)
			}
			if mode == "read error" && (err != nil || len(r.Files) != 1 || r.Files[0].Reason != exchange.ReasonUnreadable) {
				t.Fatalf("read error: %+v %v", r, err)
			}
			if b.dump() != before {
				t.Fatal("a bundle was applied in part")
			}
			recs, _ := b.s.Bundles(ctx)
			for _, rec := range recs {
				if rec.Status == changelog.BundleImported {
					t.Fatalf("recorded as imported: %+v", rec)
				}
			}
			b.reopen()
			b.sync(src)
			if b.dump() != a.dump() {
				t.Fatal("the next sync did not complete the work")
			}
		})
	}
}

type failingReader struct {
	r    io.ReadCloser
	left int
}

func (f *failingReader) Read(p []byte) (int, error) {
	if f.left <= 0 {
		return 0, errors.New("input/output error")
	}
	if len(p) > f.left {
		p = p[:f.left]
	}
	n, err := f.r.Read(p)
	f.left -= n
	return n, err
}

func (f *failingReader) Close() error { return f.r.Close() }

// TestStoppedAfterRenameBeforeRecord: the process died after the bundle got
// its name but before the database remembered writing it. The next sync
// recognises its own bundle and does not write it again.
func TestStoppedAfterRenameBeforeRecord(t *testing.T) {
	folder := t.TempDir()
	a := newDevice(t)
	a.org("Frosta Frukt AS")
	a.s.Close()
	backup := filepath.Join(t.TempDir(), "backup.db")
	copyFile(t, a.path, backup)
	copyFile(t, a.path+"-wal", backup+"-wal")
	a.reopen()
	a.sync(folder)
	a.s.Close()
	copyFile(t, backup, a.path)
	copyFile(t, backup+"-wal", a.path+"-wal")
	os.Remove(a.path + "-shm")
	a.reopen()
	r := a.sync(folder)
	if len(r.Written) != 0 || len(r.Files) != 0 || r.Clones != 0 || r.NewDeviceID != "" {
		t.Fatalf("own bundle not recognised: %+v", r)
	}
	mustEqual(t, "bundles", len(bundles(t, folder, a.s.DeviceID())), 1)
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		if os.IsNotExist(err) {
			os.Remove(to)
			return
		}
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
