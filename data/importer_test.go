package data_test

import (
	"errors"
	"fmt"
	"testing"

	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/hlc"
)

// orgChanges makes one new organisation per change, from device "far".
func orgChanges(n int) []changelog.Change {
	out := make([]changelog.Change, n)
	for i := range out {
		out[i] = changelog.Change{Device: "far", Seq: uint64(i + 1), HLC: hlc.FromTime(datatest.Epoch) + hlc.Timestamp(i+1),
			Entity: domain.EntityOrganisation, ID: fmt.Sprintf("org-%d", i), Field: "name", Value: fmt.Sprintf(`"Bryggeri %d AB"`, i)}
	}
	return out
}

// failingReader yields its changes, then fails as a damaged file would.
type failingReader struct {
	changes []changelog.Change
	err     error
}

func (r *failingReader) Next() (changelog.Change, error) {
	if len(r.changes) == 0 {
		return changelog.Change{}, r.err
	}
	c := r.changes[0]
	r.changes = r.changes[1:]
	return c, nil
}

func (r *failingReader) Sum() string { return "" }

// oneChecksumReader reads its changes, and has the checksum sum.
type oneChecksumReader struct {
	changelog.ChangeReader
	sum string
}

func (r oneChecksumReader) Sum() string { return r.sum }

// A bundle whose reader fails half-way is refused with *BundleReadError
// (the file's fault, not the database's), and nothing of it is stored.
func TestImportOfADamagedBundleIsRefusedWhole(t *testing.T) {
	s, _ := datatest.Open(t)
	before := datatest.Dump(t, s)
	damage := errors.New("unexpected end of bundle")
	meta := changelog.BundleMeta{Device: "far", FirstSeq: 1, LastSeq: 2000, Kind: "log", Count: 2000}
	_, err := s.ImportChanges(ctx, meta, &failingReader{changes: orgChanges(1500), err: damage}, nil)
	var readErr *changelog.BundleReadError
	if !errors.As(err, &readErr) || !errors.Is(err, damage) {
		t.Fatalf("import of a damaged bundle: %v, want a *BundleReadError of %v", err, damage)
	}
	if datatest.Dump(t, s) != before {
		t.Fatal("a damaged bundle left changes behind")
	}
	if known, err := s.BundleKeyKnown(ctx, "far", 1, 2000); err != nil || known {
		t.Fatalf("a damaged bundle was recorded (%v, %v)", known, err)
	}
}

// A bundle read in one pass whose checksum is not the one its name promised
// is refused with *ChecksumMismatchError, and nothing of it is stored; with
// the promised checksum the same bundle imports.
func TestOnePassImportRefusesAnUnpromisedChecksum(t *testing.T) {
	s, _ := datatest.Open(t)
	before := datatest.Dump(t, s)
	changes := orgChanges(3)
	meta := changelog.BundleMeta{Device: "far", FirstSeq: 1, LastSeq: 3, Kind: "log", Count: 3, HashPrefix: "c0ffee"}
	_, err := s.ImportChanges(ctx, meta, oneChecksumReader{datatest.Bundle(changes), "deadbeef00"}, nil)
	var mismatch *changelog.ChecksumMismatchError
	if !errors.As(err, &mismatch) || mismatch.Got != "deadbeef00" || mismatch.Want != "c0ffee" {
		t.Fatalf("import under another checksum: %v, want a *ChecksumMismatchError", err)
	}
	if datatest.Dump(t, s) != before {
		t.Fatal("a bundle refused for its checksum left changes behind")
	}
	res, err := s.ImportChanges(ctx, meta, oneChecksumReader{datatest.Bundle(changes), "c0ffee0123"}, nil)
	if err != nil || res.Applied != 3 {
		t.Fatalf("import under the promised checksum: %+v, %v", res, err)
	}
	if _, err := s.ImportChanges(ctx, changelog.BundleMeta{Device: "far", Kind: "export", Hash: "ab", HashPrefix: "c0"}, datatest.Bundle(nil), nil); !errors.As(err, &mismatch) {
		t.Fatalf("a known checksum other than promised: %v, want a *ChecksumMismatchError", err)
	}
}
