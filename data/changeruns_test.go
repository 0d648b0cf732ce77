package data_test

import (
	"fmt"
	"iter"
	"math/rand/v2"
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/datatest"
)

func importAll(t *testing.T, s *data.Store, meta changelog.BundleMeta, changes []changelog.Change) changelog.ImportResult {
	t.Helper()
	meta.Count = uint64(len(changes))
	res, err := s.ImportChanges(ctx, meta, datatest.Bundle(changes), nil)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// A log bundle of a new range is logged as runs (change_runs); every reader
// of the log sees them as if they were rows, and duplicates and clones are
// recognised against them.
func TestLogRunsReadLikeRows(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	all := recordChanges(r, 6000)
	var log []changelog.Change // one device's changes, renumbered contiguously
	for _, c := range all {
		c.Device, c.Seq = "dev-r", uint64(len(log)+1)
		log = append(log, c)
	}
	runs, _ := datatest.Open(t)
	rows, _ := datatest.Open(t)
	// Two log bundles with a gap between them (2501..2600 comes later).
	a, b, gap := log[:2500], log[2600:], log[2500:2600]
	for _, part := range [][]changelog.Change{a, b} {
		importAll(t, runs, changelog.BundleMeta{Device: "dev-r", FirstSeq: part[0].Seq, LastSeq: part[len(part)-1].Seq,
			Hash: fmt.Sprint("h", part[0].Seq), Kind: "log"}, part)
	}
	for _, part := range [][]changelog.Change{a, b} {
		if _, err := datatest.ImportChanges(ctx, rows, part); err != nil {
			t.Fatal(err)
		}
	}
	if x, y := datatest.Dump(t, runs), datatest.Dump(t, rows); x != y {
		t.Fatal("runs and rows differ")
	}
	check := func(step string) {
		t.Helper()
		for _, after := range []uint64{0, 1, 1023, 1024, 2500, 2599, 3000} {
			x, err := runs.Changes(ctx, "", after, 0)
			if err != nil {
				t.Fatal(err)
			}
			y, _ := rows.Changes(ctx, "", after, 0)
			if fmt.Sprint(x) != fmt.Sprint(y) {
				t.Fatalf("%s: Changes after %d differ (%d vs %d)", step, after, len(x), len(y))
			}
			x, _ = runs.Changes(ctx, "dev-r", after, 7)
			y, _ = rows.Changes(ctx, "dev-r", after, 7)
			if fmt.Sprint(x) != fmt.Sprint(y) {
				t.Fatalf("%s: Changes of dev-r after %d differ", step, after)
			}
			for _, dev := range []string{"", "dev-r"} {
				var lx, ly data.LogInfo
				var cx, cy []changelog.Change
				read := func(s *data.Store, li *data.LogInfo, out *[]changelog.Change) {
					if err := s.ChangeLog(ctx, dev, after, func(info data.LogInfo, seq iter.Seq2[changelog.Change, error]) error {
						*li = info
						for c, err := range seq {
							if err != nil {
								return err
							}
							*out = append(*out, c)
						}
						return nil
					}); err != nil {
						t.Fatal(err)
					}
				}
				read(runs, &lx, &cx)
				read(rows, &ly, &cy)
				if lx != ly || fmt.Sprint(cx) != fmt.Sprint(cy) || uint64(len(cx)) != lx.Count {
					t.Fatalf("%s: ChangeLog(%q, %d): %+v (%d) vs %+v (%d)", step, dev, after, lx, len(cx), ly, len(cy))
				}
			}
		}
		x, _ := runs.Check(ctx)
		y, _ := rows.Check(ctx)
		if x.Changes != y.Changes {
			t.Fatalf("%s: Check counts %d vs %d changes", step, x.Changes, y.Changes)
		}
	}
	check("two bundles")

	// Everything again, as an export with one change altered (a clone) and
	// the missing range: duplicates from the runs, the clone kept, the gap filled.
	again := append([]changelog.Change(nil), log...)
	again[10].Value = `"other"`
	res := importAll(t, runs, changelog.BundleMeta{Device: "x", Hash: "export", Kind: "export"}, again)
	if res.Duplicates != len(log)-len(gap)-1 || res.Clones != 1 {
		t.Fatalf("export again: %d duplicates, %d clones", res.Duplicates, res.Clones)
	}
	res2, err := datatest.ImportChanges(ctx, rows, gap)
	if err != nil || res2.Duplicates != 0 {
		t.Fatal(err, res2)
	}
	clone := again[10]
	clone.Device = changelog.CloneDevice(clone)
	if _, err := datatest.ImportChanges(ctx, rows, []changelog.Change{clone}); err != nil {
		t.Fatal(err)
	}
	// An import that is not a new range recognises changes in runs as duplicates.
	if res, err := datatest.ImportChanges(ctx, runs, log[:50]); err != nil || res.Duplicates != 50 {
		t.Fatal(err, res)
	}
	if x, y := datatest.Dump(t, runs), datatest.Dump(t, rows); x != y {
		t.Fatal("runs and rows differ after the export")
	}
	check("after the export")
}
