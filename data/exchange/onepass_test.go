package exchange_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/exchange"
	"eu.ilsa.coach/ilsa/data/exchange/bundle"
)

// TestOnePassImportRefusesContentItsNameDoesNotCarry: a sound bundle whose
// name carries another checksum prefix is found out only at its end, when it
// is read in one pass. Its changes were applied as they were read; they must
// be rolled back, the file quarantined and nothing recorded as imported.
func TestOnePassImportRefusesContentItsNameDoesNotCarry(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	a := newDevice(t)
	a.org("Steinkjer Tre AS")
	a.sync(src)
	dev := a.s.DeviceID()
	files := bundles(t, src, dev)
	mustEqual(t, "bundles", len(files), 1)
	name := filepath.Base(files[0])
	dash := strings.IndexByte(name, '-')
	wrong := name[:dash+1] + strings.Repeat("0", bundle.HashPrefixLen) + exchange.BundleExt
	dir := filepath.Join(dst, filepath.FromSlash(exchange.DevicesDir), dev)
	os.MkdirAll(dir, 0o755)
	b, _ := os.ReadFile(files[0])
	os.WriteFile(filepath.Join(dir, wrong), b, 0o644)

	r := newDevice(t)
	before := r.dump()
	res := r.sync(dst)
	if len(res.Imported) != 0 || len(res.Files) != 1 || res.Files[0].Reason != exchange.ReasonNameMismatch ||
		res.Files[0].Action != exchange.ActionQuarantined {
		t.Fatalf("misnamed bundle: %+v", res)
	}
	if r.dump() != before {
		t.Fatal("a misnamed bundle was applied")
	}
	recs, _ := r.s.Bundles(ctx)
	for _, rec := range recs {
		if rec.Status == changelog.BundleImported {
			t.Fatalf("recorded as imported: %+v", rec)
		}
	}
	// Under its right name it imports.
	deliver(t, dst, dev, files...)
	if res = r.sync(dst); len(res.Imported) != 1 || r.dump() != a.dump() {
		t.Fatalf("rightly named bundle: %+v", res)
	}
}

// TestOnePassImportOfABundleImportedMeanwhile: a bundle read in one pass
// whose key and checksum turn out, at its end, to be recorded already (another
// process imported it meanwhile) is rolled back and reported as imported
// before.
func TestOnePassImportOfABundleImportedMeanwhile(t *testing.T) {
	src := t.TempDir()
	a := newDevice(t)
	a.org("Verdal Stål AS")
	a.org("Inderøy Ost AS")
	a.sync(src)
	path := bundles(t, src, a.s.DeviceID())[0]
	r := newDevice(t)
	importOnce := func() changelog.ImportResult {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		br, err := bundle.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		h := br.Header()
		meta := changelog.BundleMeta{Device: h.Device, FirstSeq: h.FirstSeq, LastSeq: h.LastSeq, Kind: h.Kind, File: path, Count: h.Count}
		res, err := r.s.ImportChanges(ctx, meta, br, nil)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	first := importOnce()
	if first.AlreadyImported || first.Applied == 0 {
		t.Fatalf("first import: %+v", first)
	}
	after := r.dump()
	if after != a.dump() {
		t.Fatal("first import did not carry everything")
	}
	second := importOnce()
	if !second.AlreadyImported || second.Applied != 0 {
		t.Fatalf("second import: %+v", second)
	}
	if r.dump() != after {
		t.Fatal("the second import changed something")
	}
	recs, _ := r.s.Bundles(ctx)
	mustEqual(t, "bundle records", len(recs), 1)
}

// TestMisplacedBundleIsQuarantinedAndDamageReportedFirst: a bundle in another
// device's directory is verified whole before anything is applied; when it is
// also damaged, the damage is what is reported (so it is retried when the
// file changes).
func TestMisplacedBundleIsQuarantinedAndDamageReportedFirst(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	a := newDevice(t)
	a.org("Snåsa Sag AS")
	a.sync(src)
	files := bundles(t, src, a.s.DeviceID())
	other := "0190c4c0-0000-7000-8000-0000000000ff"
	deliver(t, dst, other, files...)
	r := newDevice(t)
	before := r.dump()
	res := r.sync(dst)
	if len(res.Imported) != 0 || len(res.Files) != 1 || res.Files[0].Reason != exchange.ReasonNameMismatch {
		t.Fatalf("misplaced: %+v", res)
	}
	b, _ := os.ReadFile(files[0])
	p := filepath.Join(dst, filepath.FromSlash(exchange.DevicesDir), other, filepath.Base(files[0]))
	os.WriteFile(p, b[:len(b)-10], 0o644)
	res = r.sync(dst)
	if len(res.Imported) != 0 || len(res.Files) != 1 || res.Files[0].Reason != exchange.ReasonTruncated {
		t.Fatalf("misplaced and cut short: %+v", res)
	}
	if r.dump() != before {
		t.Fatal("a misplaced bundle was applied")
	}
}
