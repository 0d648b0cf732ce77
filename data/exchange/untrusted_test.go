package exchange_test

import (
	"io"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/exchange"
	"eu.ilsa.coach/ilsa/data/exchange/bundle/bundletest"
	"eu.ilsa.coach/ilsa/data/hlc"
)

// plantBundle writes a crafted log bundle of dev into folder under the name
// a real one would have, and returns its path.
func plantBundle(t *testing.T, folder, dev string, first, count uint64, cs iter.Seq[changelog.Change]) string {
	t.Helper()
	dir := filepath.Join(folder, filepath.FromSlash(exchange.DevicesDir), dev)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.CreateTemp(dir, ".ilsa-*.tmp")
	if err != nil {
		t.Fatal(err)
	}
	sum, err := bundletest.Write(f, bundletest.Raw{Header: bundletest.LogHeader(dev, first, count), Changes: cs})
	if err == nil {
		err = f.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, exchange.BundleName(first, sum))
	if err := os.Rename(f.Name(), path); err != nil {
		t.Fatal(err)
	}
	return path
}

// bigNotes yields n changes of one organisation's notes, each value size
// bytes of JSON text, made one at a time.
func bigNotes(dev string, n, size int) iter.Seq[changelog.Change] {
	return func(yield func(changelog.Change) bool) {
		for i := range n {
			c := changelog.Change{Device: dev, Seq: uint64(i + 1), HLC: hlc.Timestamp(1 << 40), Entity: domain.EntityOrganisation,
				ID: "bomb-org", Field: "notes", Value: `"` + strings.Repeat("A", size-2) + `"`}
			if !yield(c) {
				return
			}
		}
	}
}

// within runs fn and fails the test if it does not return in 30 s: a sync
// that hangs on a file must fail, not hang the test run.
func within(t *testing.T, what string, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); fn() }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatalf("%s hangs", what)
	}
}

// TestBombBesideAGoodBundle: a bundle whose values are over the limit (the
// kind that inflates 1.3 MB into gigabytes) sits beside a colleague's sound
// bundle. What must hold: the colleague's bundle is imported; the bomb is
// quarantined with its reason, nothing of it applied; the reader refused
// it without allocating its values; the next sync does not open it again
// and still imports what is new.
func TestBombBesideAGoodBundle(t *testing.T) {
	folder := t.TempDir()
	a, b := newDevice(t), newDevice(t)
	o := a.org("Kollega AB")
	a.sync(folder)
	bomb := plantBundle(t, folder, "bomb-device", 1, 4, bigNotes("bomb-device", 4, 16<<20))

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	r := b.sync(folder)
	runtime.ReadMemStats(&after)
	mustEqual(t, "bomb", reasons(r)[filepath.Base(bomb)], exchange.ActionQuarantined+" "+exchange.ReasonTooLarge)
	mustEqual(t, "imported", len(r.Imported), 1)
	mustEqual(t, "colleague's organisation", b.notes(o.ID), "")
	if _, err := b.s.Organisation(ctx, "bomb-org"); err == nil {
		t.Fatal("the bomb was applied")
	}
	// The bomb holds 64 MiB of values; a reader that refuses on the length
	// allocates a small part of one.
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 32<<20 {
		t.Fatalf("the sync allocated %d MiB", alloc>>20)
	}

	a.setNotes(o.ID, "nytt")
	a.sync(folder)
	opened := map[string]int{}
	r, err := exchange.Sync(ctx, b.s, folder, exchange.Options{Open: func(p string) (io.ReadCloser, error) {
		opened[filepath.Base(p)]++
		return os.Open(p)
	}})
	if err != nil {
		t.Fatal(err)
	}
	mustEqual(t, "bomb opened again", opened[filepath.Base(bomb)], 0)
	mustEqual(t, "bomb reported again", reasons(r)[filepath.Base(bomb)], exchange.ActionQuarantined+" "+exchange.ReasonTooLarge)
	mustEqual(t, "new notes", b.notes(o.ID), "nytt")
}

// TestValuesAtTheLimitImport: a bundle of values at the value limit is
// sound and imports (the limits refuse only what nobody could type).
func TestValuesAtTheLimitImport(t *testing.T) {
	folder := t.TempDir()
	b := newDevice(t)
	plantBundle(t, folder, "long-notes", 1, 3, bigNotes("long-notes", 3, 1<<20))
	r := b.sync(folder)
	if len(r.Imported) != 1 || len(r.Files) != 0 {
		t.Fatalf("%+v", r)
	}
}

// TestFIFOsInTheFolderDoNotHang: a named pipe under a bundle's name (and a
// link to one) is reported and never opened; every other file is imported.
func TestFIFOsInTheFolderDoNotHang(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs on Windows")
	}
	folder := t.TempDir()
	a, b := newDevice(t), newDevice(t)
	o := a.org("Kollega AB")
	a.sync(folder)
	dir := filepath.Join(folder, filepath.FromSlash(exchange.DevicesDir), "pipe-device")
	os.MkdirAll(dir, 0o755)
	fifo := filepath.Join(dir, "00000001-0123456789abcdef.bundle")
	link := filepath.Join(dir, "00000002-0123456789abcdef.bundle")
	mkfifo(t, fifo)
	mkfifo(t, filepath.Join(dir, exchange.DeviceFile))
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	var r exchange.Result
	within(t, "sync", func() { r = b.sync(folder) })
	got := reasons(r)
	for _, p := range []string{fifo, link} {
		mustEqual(t, filepath.Base(p), got[filepath.Base(p)], exchange.ActionIgnored+" "+exchange.ReasonNotRegular)
	}
	mustEqual(t, "imported", len(r.Imported), 1)
	if _, err := b.s.Organisation(ctx, o.ID); err != nil {
		t.Fatal(err)
	}
	// Given by hand, and asked for its device.json: refused, not hung.
	within(t, "import", func() {
		r, err := exchange.ImportFiles(ctx, b.s, []string{fifo}, exchange.Options{})
		if err != nil || len(r.Files) != 1 || r.Files[0].Reason != exchange.ReasonNotRegular {
			t.Errorf("import: %+v %v", r, err)
		}
	})
	within(t, "device.json", func() {
		if _, err := exchange.ReadDeviceInfo(folder, "", "pipe-device"); err == nil {
			t.Error("a FIFO read as device.json")
		}
	})
}

// TestLongValuesKeepMemoryBounded: a sound bundle of 128 values at the
// value limit (128 MiB) imports with a heap far below its size: what the
// import holds at once is bounded in bytes, not only in changes.
func TestLongValuesKeepMemoryBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 128 MiB")
	}
	folder := t.TempDir()
	b := newDevice(t)
	plantBundle(t, folder, "long-notes", 1, 128, bigNotes("long-notes", 128, 1<<20))
	var r exchange.Result
	peak := peakHeap(func() { r = b.sync(folder) })
	if len(r.Imported) != 1 || len(r.Files) != 0 {
		t.Fatalf("%+v", r)
	}
	if peak > 100<<20 {
		t.Fatalf("heap reached %d MiB", peak>>20)
	}
	t.Logf("peak heap %d MiB", peak>>20)
}

// TestSequenceNumbersBeyondTheLimitAreRefused: a checksum-valid bundle
// numbers its change 2^63 (once applied, such a change was never passed on,
// so devices disagreed for ever). What must hold: it is quarantined with its
// reason and nothing of it is applied or logged; the colleague's bundle
// beside it is imported; a change numbered at the limit itself is sound.
func TestSequenceNumbersBeyondTheLimitAreRefused(t *testing.T) {
	folder := t.TempDir()
	a, b := newDevice(t), newDevice(t)
	o := a.org("Kollega AS")
	a.sync(folder)
	forged := func(dev string, seq uint64) iter.Seq[changelog.Change] {
		return bundletest.Changes(changelog.Change{Device: dev, Seq: seq, HLC: hlc.Timestamp(1 << 40),
			Entity: domain.EntityOrganisation, ID: "forged-org", Field: "name", Value: `"Förfalskad"`})
	}
	beyond := plantBundle(t, folder, "forged-device", 1<<63, 1, forged("forged-device", 1<<63))
	atLimit := plantBundle(t, folder, "far-device", changelog.MaxSeq, 1, forged("far-device", changelog.MaxSeq))

	r := b.sync(folder)
	mustEqual(t, "forged", reasons(r)[filepath.Base(beyond)], exchange.ActionQuarantined+" "+exchange.ReasonSeqLimit)
	if _, ok := reasons(r)[filepath.Base(atLimit)]; ok {
		t.Errorf("a bundle at the limit was refused: %v", reasons(r))
	}
	mustEqual(t, "imported", len(r.Imported), 2)
	mustEqual(t, "colleague's organisation", b.notes(o.ID), "")
	if log, _ := b.s.Changes(ctx, "forged-device", 0, 0); len(log) != 0 {
		t.Fatalf("the forged change is in the log: %+v", log)
	}

	// The same change in an export file, imported by hand.
	file := filepath.Join(t.TempDir(), "forged.bundle")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	h := bundletest.LogHeader("forged-device", 0, 1)
	h.Kind, h.FirstSeq, h.LastSeq = "export", 0, 0
	if _, err := bundletest.Write(f, bundletest.Raw{Header: h, Changes: forged("forged-device", 1<<63)}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	ir, err := exchange.ImportFiles(ctx, b.s, []string{file}, exchange.Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustEqual(t, "export file", reasons(ir)[filepath.Base(file)], exchange.ActionQuarantined+" "+exchange.ReasonSeqLimit)
	if _, err := b.s.Organisation(ctx, "forged-org"); err != nil {
		t.Fatalf("the change numbered at the limit was not applied: %v", err)
	}
}
