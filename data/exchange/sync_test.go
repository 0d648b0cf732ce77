package exchange_test

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/exchange"
)

func TestTwoDevicesConvergeThroughAFolder(t *testing.T) {
	folder := t.TempDir()
	a, b := newDevice(t), newDevice(t)
	oa := a.org("Krokom Trä AB")
	b.org("Lierne Fisk AS")
	ra := a.sync(folder)
	mustEqual(t, "a wrote", len(ra.Written), 1)
	rb := b.sync(folder)
	mustEqual(t, "b imported", len(rb.Imported), 1)
	a.sync(folder)
	if a.dump() != b.dump() {
		t.Fatal("devices did not converge")
	}
	// Nothing new: nothing written, nothing imported, bundles skipped unread.
	again := a.sync(folder)
	if len(again.Written) != 0 || len(again.Imported) != 0 || again.Skipped != 2 || len(again.Files) != 0 {
		t.Fatalf("no-op sync: %+v", again)
	}
	b.setNotes(oa.ID, "uppdaterat av b")
	b.sync(folder)
	a.sync(folder)
	mustEqual(t, "notes on a", a.notes(oa.ID), "uppdaterat av b")
	info, err := exchange.ReadDeviceInfo(folder, "", b.s.DeviceID())
	if err != nil || info.Device != b.s.DeviceID() || info.App != "test" {
		t.Fatalf("device.json: %+v %v", info, err)
	}
}

// TestAnyOrderTwiceOrWithAGap delivers one device's bundles out of order,
// with a gap, and twice; the result equals the author's state.
func TestAnyOrderTwiceOrWithAGap(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	a, b := newDevice(t), newDevice(t)
	o := a.org("Røros Kobber AS")
	a.sync(src)
	a.setNotes(o.ID, "andre")
	a.sync(src)
	a.setNotes(o.ID, "tredje")
	a.org("Snåsa Sag AS")
	a.sync(src)
	files := bundles(t, src, a.s.DeviceID())
	mustEqual(t, "bundles", len(files), 3)
	dev := a.s.DeviceID()

	deliver(t, dst, dev, files[2]) // the newest first: a gap before it
	r := b.sync(dst)
	mustEqual(t, "imported", len(r.Imported), 1)
	if len(r.Gaps) != 1 || r.Gaps[0].From != 1 || r.Gaps[0].Device != dev {
		t.Fatalf("gap not reported: %+v", r.Gaps)
	}
	mustEqual(t, "notes after the newest alone", b.notes(o.ID), "tredje")
	deliver(t, dst, dev, files[0])
	b.sync(dst)
	mustEqual(t, "an older bundle does not undo a newer one", b.notes(o.ID), "tredje")
	deliver(t, dst, dev, files...) // all again, the middle one new
	r = b.sync(dst)
	if len(r.Imported) != 1 || r.Skipped != 2 || len(r.Gaps) != 0 {
		t.Fatalf("second delivery: %+v", r)
	}
	if a.dump() != b.dump() {
		t.Fatal("not the author's state")
	}
	// Delivered yet again: nothing happens.
	r = b.sync(dst)
	if len(r.Imported) != 0 || r.Skipped != 3 {
		t.Fatalf("third delivery: %+v", r)
	}
}

func TestDamagedFilesAreLeftForLaterNeverAppliedInPart(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	a, b := newDevice(t), newDevice(t)
	for i := range 30 {
		a.org("Org " + string(rune('A'+i)))
	}
	a.sync(src)
	full := bundles(t, src, a.s.DeviceID())[0]
	good, _ := os.ReadFile(full)
	dev := a.s.DeviceID()
	dir := filepath.Join(dst, filepath.FromSlash(exchange.DevicesDir), dev)
	os.MkdirAll(dir, 0o755)
	name := filepath.Base(full)
	before := b.dump()

	write := func(n string, body []byte) { os.WriteFile(filepath.Join(dir, n), body, 0o644) }
	write(name, good[:len(good)/2])                                  // half-synced
	write("00000100-0123456789abcdef.bundle", nil)                   // zero bytes
	write("00000200-0123456789abcdef.bundle", []byte("garbage\x00")) // garbage
	write(".ilsa-12345.tmp", good[:10])                              // a writer still at work
	r := b.sync(dst)
	got := reasons(r)
	mustEqual(t, "truncated", got[name], "pending "+exchange.ReasonTruncated)
	mustEqual(t, "zero", got["00000100-0123456789abcdef.bundle"], "pending "+exchange.ReasonTruncated)
	mustEqual(t, "garbage", got["00000200-0123456789abcdef.bundle"], "pending "+exchange.ReasonNotBundle)
	mustEqual(t, "temp", got[".ilsa-12345.tmp"], "ignored "+exchange.ReasonEngineTemp)
	if len(r.Imported) != 0 || b.dump() != before {
		t.Fatal("a damaged file was applied")
	}
	// Unchanged: still reported, not read again.
	opened := 0
	r2, err := exchange.Sync(ctx, b.s, dst, exchange.Options{Open: func(p string) (io.ReadCloser, error) { opened++; return os.Open(p) }})
	if err != nil || opened != 0 || len(r2.Files) != 4 {
		t.Fatalf("second sync opened %d files, reported %d: %v", opened, len(r2.Files), err)
	}
	// The sync engine finishes the file: the next sync imports it.
	write(name, good)
	r = b.sync(dst)
	mustEqual(t, "imported", len(r.Imported), 1)
	if _, still := reasons(r)[name]; still {
		t.Fatal("completed file still reported")
	}
	if a.dump() != b.dump() {
		t.Fatal("not converged after the file completed")
	}
	// A corrupted file of the right length is damaged, and not applied. A
	// flipped byte in the compressed body may also read as a stream that
	// ends early (DEFLATE cannot tell) or as a length over the limits, which
	// the reader refuses before it could check the checksum; a flipped
	// checksum byte is always "damaged".
	for _, at := range []int{len(good) / 2, len(good) - 1} {
		c := newDevice(t)
		bad := bytes.Clone(good)
		bad[at] ^= 0xff
		dst2 := t.TempDir()
		dir2 := filepath.Join(dst2, filepath.FromSlash(exchange.DevicesDir), dev)
		os.MkdirAll(dir2, 0o755)
		os.WriteFile(filepath.Join(dir2, name), bad, 0o644)
		before = c.dump()
		r = c.sync(dst2)
		got := reasons(r)[name]
		ok := got == "pending "+exchange.ReasonDamaged || at < len(good)-32 &&
			(got == "pending "+exchange.ReasonTruncated || got == "quarantined "+exchange.ReasonTooLarge)
		if !ok || c.dump() != before {
			t.Fatalf("bundle corrupted at byte %d of %d: %v", at, len(good), reasons(r))
		}
	}
}

func TestNamesSyncEnginesLeaveAreIgnored(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	a, b := newDevice(t), newDevice(t)
	a.org("Verdal Verksted AS")
	a.sync(src)
	good, _ := os.ReadFile(bundles(t, src, a.s.DeviceID())[0])
	dev := a.s.DeviceID()
	dir := filepath.Join(dst, filepath.FromSlash(exchange.DevicesDir), dev)
	os.MkdirAll(dir, 0o755)
	want := map[string]string{
		".syncthing.00000001-0123456789abcdef.bundle.tmp":                        exchange.ReasonEngineTemp,
		"00000001-0123456789abcdef.sync-conflict-20261201-101010-ABCDEFG.bundle": exchange.ReasonEngineConflict,
		"00000001-0123456789abcdef (conflicted copy 2026-12-01).bundle":          exchange.ReasonEngineConflict,
		"00000001-0123456789abcdef-LAPTOP7.bundle":                               exchange.ReasonEngineConflict,
		"00000001-0123456789abcdef (1).bundle":                                   exchange.ReasonCopy,
		"desktop.ini":                                                            exchange.ReasonSystemFile,
		".DS_Store":                                                              exchange.ReasonSystemFile,
		"notes.txt":                                                              exchange.ReasonUnknownFile,
	}
	for n := range want {
		os.WriteFile(filepath.Join(dir, n), good, 0o644) // even a sound bundle under such a name is not read
	}
	os.WriteFile(filepath.Join(dst, filepath.FromSlash(exchange.DevicesDir), "Thumbs.db"), nil, 0o644)
	before := b.dump()
	r := b.sync(dst)
	got := reasons(r)
	for n, reason := range want {
		mustEqual(t, n, got[n], "ignored "+reason)
	}
	mustEqual(t, "Thumbs.db", got["Thumbs.db"], "ignored "+exchange.ReasonSystemFile)
	if len(r.Imported) != 0 || b.dump() != before {
		t.Fatal("an ignored file was imported")
	}
	for n := range want {
		if _, err := os.Stat(filepath.Join(dir, n)); err != nil {
			t.Fatalf("%s was touched: %v", n, err)
		}
	}
}

func TestFolderMissingOrWipedDeletesNothing(t *testing.T) {
	folder := filepath.Join(t.TempDir(), "Shared")
	a := newDevice(t)
	a.org("Åre Turism AB")
	_, err := exchange.Sync(ctx, a.s, folder, exchange.Options{})
	var se *exchange.Error
	if !errors.As(err, &se) || se.Code != exchange.CodeFolderMissing {
		t.Fatalf("missing folder: %v", err)
	}
	os.Mkdir(folder, 0o755)
	a.sync(folder)
	before := a.dump()
	// The folder vanishes (a USB stick pulled, a share not mounted)…
	os.RemoveAll(folder)
	if _, err := exchange.Sync(ctx, a.s, folder, exchange.Options{}); !errors.As(err, &se) || se.Code != exchange.CodeFolderMissing {
		t.Fatalf("vanished folder: %v", err)
	}
	// …or comes back empty.
	os.Mkdir(folder, 0o755)
	if _, err := exchange.Sync(ctx, a.s, folder, exchange.Options{}); !errors.As(err, &se) || se.Code != exchange.CodeFolderEmptied {
		t.Fatalf("emptied folder: %v", err)
	}
	if a.dump() != before {
		t.Fatal("local data changed")
	}
	if entries, _ := os.ReadDir(folder); len(entries) != 0 {
		t.Fatal("wrote into a folder that looks wiped")
	}
	r, err := exchange.Sync(ctx, a.s, folder, exchange.Options{Reseed: true})
	if err != nil || len(r.Written) != 1 || r.Written[0].FirstSeq != 1 {
		t.Fatalf("reseed: %+v %v", r, err)
	}
	// A file in place of the folder.
	file := filepath.Join(t.TempDir(), "f")
	os.WriteFile(file, nil, 0o644)
	if _, err := exchange.Sync(ctx, a.s, file, exchange.Options{}); !errors.As(err, &se) || se.Code != exchange.CodeFolderNotDir {
		t.Fatalf("file as folder: %v", err)
	}
}

func TestUnreadableFileIsRetried(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	a, b := newDevice(t), newDevice(t)
	a.org("Meråker Kraft AS")
	a.sync(src)
	deliver(t, dst, a.s.DeviceID(), bundles(t, src, a.s.DeviceID())...)
	denied := func(p string) (io.ReadCloser, error) {
		if strings.HasSuffix(p, exchange.BundleExt) {
			return nil, &fs.PathError{Op: "open", Path: p, Err: fs.ErrPermission}
		}
		return os.Open(p)
	}
	r, err := exchange.Sync(ctx, b.s, dst, exchange.Options{Open: denied})
	if err != nil || len(r.Imported) != 0 || len(r.Files) != 1 || r.Files[0].Reason != exchange.ReasonUnreadable {
		t.Fatalf("denied: %+v %v", r, err)
	}
	r = b.sync(dst)
	if len(r.Imported) != 1 || len(r.Files) != 0 {
		t.Fatalf("retry: %+v", r)
	}
	// With the real file system, where the test is not root.
	if os.Geteuid() == 0 {
		t.Log("running as root: chmod 000 does not deny reading; the injected opener covered it")
		return
	}
	c := newDevice(t)
	f := bundles(t, dst, a.s.DeviceID())[0]
	os.Chmod(f, 0)
	defer os.Chmod(f, 0o644)
	r = c.sync(dst)
	if len(r.Files) != 1 || r.Files[0].Reason != exchange.ReasonUnreadable {
		t.Fatalf("chmod 000: %+v", r)
	}
	os.Chmod(f, 0o644)
	if r = c.sync(dst); len(r.Imported) != 1 {
		t.Fatalf("after chmod back: %+v", r)
	}
}

func TestSameKeyOtherHashIsQuarantinedAndNothingLost(t *testing.T) {
	src1, src2, dst := t.TempDir(), t.TempDir(), t.TempDir()
	a := newDevice(t)
	o := a.org("Namsos Marin AS")
	a.sync(src1)
	// The same range written again with other content (a restored backup
	// edited differently): same device, same seqs, another hash.
	clone := cloneOf(t, a)
	clone.setNotes(o.ID, "från klonen")
	a.setNotes(o.ID, "från originalet")
	a.sync(src1)
	clone.sync(src2) // clone has never written to src2: it writes 1..n
	reader := newDevice(t)
	dev := a.s.DeviceID()
	deliver(t, dst, dev, bundles(t, src1, dev)...)
	r := reader.sync(dst)
	mustEqual(t, "imported from a", len(r.Imported), 2)
	deliver(t, dst, dev, bundles(t, src2, dev)...)
	r = reader.sync(dst)
	q := 0
	for _, f := range r.Files {
		if f.Action == exchange.ActionQuarantined {
			q++
		}
	}
	if r.Clones == 0 {
		t.Fatalf("clone not detected: %+v", r)
	}
	notes := reader.notes(o.ID)
	cs, _ := reader.s.Conflicts(ctx, false)
	all := notes
	for _, c := range cs {
		all += c.WinnerValue + c.LoserValue
	}
	if !strings.Contains(all, "från klonen") || !strings.Contains(all, "från originalet") {
		t.Fatalf("an edit was lost: notes %q, conflicts %+v", notes, cs)
	}
	_ = q
}

func TestExportAndImportFiles(t *testing.T) {
	folder := t.TempDir()
	a, b, c := newDevice(t), newDevice(t), newDevice(t)
	a.org("Östersund Glas AB")
	b.org("Levanger Mat AS")
	a.sync(folder)
	b.sync(folder) // b now knows a's changes too
	out := filepath.Join(t.TempDir(), "b.ilsa")
	h, err := exchange.ExportFile(ctx, b.s, out, exchange.Options{})
	if err != nil || h.Kind != "export" || h.Count == 0 {
		t.Fatalf("export: %+v %v", h, err)
	}
	r, err := exchange.ImportFiles(ctx, c.s, []string{out}, exchange.Options{})
	if err != nil || len(r.Imported) != 1 || r.Applied == 0 {
		t.Fatalf("import: %+v %v", r, err)
	}
	if c.dump() != b.dump() {
		t.Fatal("export did not carry everything b knows")
	}
	r, err = exchange.ImportFiles(ctx, c.s, []string{out, out}, exchange.Options{})
	if err != nil || len(r.Imported) != 0 || r.Skipped != 2 {
		t.Fatalf("import again: %+v %v", r, err)
	}
	// A missing file is reported, not fatal.
	r, err = exchange.ImportFiles(ctx, c.s, []string{filepath.Join(t.TempDir(), "nope.bundle")}, exchange.Options{})
	if err != nil || len(r.Files) != 1 {
		t.Fatalf("missing file: %+v %v", r, err)
	}
	var progress [][2]int64
	d := newDevice(t)
	_, err = exchange.ImportFiles(ctx, d.s, []string{out}, exchange.Options{Progress: func(done, total int64) { progress = append(progress, [2]int64{done, total}) }})
	if err != nil || len(progress) == 0 || progress[len(progress)-1][0] != int64(h.Count) || progress[len(progress)-1][1] != int64(h.Count) {
		t.Fatalf("progress %v (count %d): %v", progress, h.Count, err)
	}
	if !slices.IsSortedFunc(progress, func(x, y [2]int64) int { return int(x[0] - y[0]) }) {
		t.Fatalf("progress went backwards: %v", progress)
	}
}

// A clone's changes are named by the advisor of the installation they came
// from; a device without device.json has no name.
func TestAdvisorOfFollowsClonesToTheirOriginal(t *testing.T) {
	folder := t.TempDir()
	a := newDevice(t)
	if err := a.s.SetProfile(data.Profile{Advisor: "Erik Lund", Country: domain.CountrySE}); err != nil {
		t.Fatal(err)
	}
	a.sync(folder)
	dev := a.s.DeviceID()
	mustEqual(t, "device", exchange.AdvisorOf(folder, "", dev), "Erik Lund")
	mustEqual(t, "clone", exchange.AdvisorOf(folder, "", dev+"~0badc0de"), "Erik Lund")
	mustEqual(t, "unknown", exchange.AdvisorOf(folder, "", "someone-else"), "")
}
