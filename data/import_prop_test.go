package data_test

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/hlc"
)

// recordChanges makes n changes that look like bundles: mostly whole new
// records field after field, but also records that come back later, the same
// field twice in a record, edits of older records from other devices, fields
// this version does not know and values of the wrong shape — so an import
// takes its fast path, leaves it and comes back, across its read-ahead
// windows and batches.
func recordChanges(r *rand.Rand, n int) []changelog.Change {
	devices := []string{"dev-a", "dev-b", "dev-c"}
	seq := map[string]uint64{}
	base := hlc.FromTime(datatest.Epoch)
	var out []changelog.Change
	var ids []string
	emit := func(entity, id, field, value string) {
		d := devices[r.IntN(len(devices))]
		seq[d]++
		b := hlc.Timestamp(0)
		if r.IntN(3) == 0 {
			b = base + hlc.Timestamp(r.IntN(400))
		}
		out = append(out, changelog.Change{Device: d, Seq: seq[d], HLC: base + hlc.Timestamp(r.IntN(400)), Base: b,
			Entity: entity, ID: id, Field: field, Value: value})
	}
	for len(out) < n {
		switch k := r.IntN(10); {
		case k < 6 || len(ids) == 0: // a new record, whole
			id := fmt.Sprintf("rec-%d", len(ids))
			ids = append(ids, id)
			if r.IntN(2) == 0 {
				emit(domain.EntityOrganisation, id, "name", fmt.Sprintf(`"Org %d"`, r.IntN(50)))
				emit(domain.EntityOrganisation, id, "employees", fmt.Sprint(r.IntN(100)))
				emit(domain.EntityOrganisation, id, "notes", `"om patent"`)
				if r.IntN(5) == 0 {
					emit(domain.EntityOrganisation, id, "name", `"Again"`) // the same field twice
				}
				emit(domain.EntityOrganisation, id, "from_the_future", `"x"`)
			} else {
				emit(domain.EntityVisit, id, "date", fmt.Sprintf(`"2026-11-%02d"`, 1+r.IntN(28)))
				emit(domain.EntityVisit, id, "orgs", fmt.Sprintf(`["rec-%d","rec-%d"]`, r.IntN(len(ids)), r.IntN(len(ids))))
				emit(domain.EntityVisit, id, "notes", `"besök"`)
				emit(domain.EntityVisit, id, "minutes", `"wrong shape"`)
			}
		default: // an edit of an older record
			id := ids[r.IntN(len(ids))]
			if r.IntN(2) == 0 {
				emit(domain.EntityOrganisation, id, "notes", fmt.Sprintf(`"edit %d"`, r.IntN(9)))
			} else {
				emit(domain.EntityVisit, id, "deleted", fmt.Sprint(r.IntN(2) == 0))
			}
		}
	}
	return out
}

// TestImportEqualsApplyOneByOne: an import (fast path, read-ahead, batched
// rows, links and clocks) ends in the same state as importing the same
// changes one bundle each, in the same order and in another.
func TestImportEqualsApplyOneByOne(t *testing.T) {
	for round := range 4 {
		r := rand.New(rand.NewPCG(uint64(round), 11))
		changes := recordChanges(r, 1500)
		imported, _ := datatest.Open(t)
		// Two bundles, the second also repeating part of the first.
		cut := len(changes) / 2
		for _, part := range [][]changelog.Change{changes[:cut], append(append([]changelog.Change(nil), changes[cut:]...), changes[:100]...)} {
			_, err := imported.ImportChanges(ctx, changelog.BundleMeta{Device: "x", Hash: fmt.Sprint("h", round, len(part)), Kind: "export", Count: uint64(len(part))}, datatest.Bundle(part), nil)
			if err != nil {
				t.Fatal(err)
			}
		}
		// One at a time in the same order: the same state and the same conflicts.
		single, _ := datatest.Open(t)
		for _, part := range [][]changelog.Change{changes[:cut], changes[cut:], changes[:100]} {
			for _, c := range part {
				if _, err := datatest.ImportChanges(ctx, single, []changelog.Change{c}); err != nil {
					t.Fatal(err)
				}
			}
		}
		if a, b := datatest.Dump(t, imported), datatest.Dump(t, single); a != b {
			t.Fatalf("round %d: import and one-by-one differ:\n%s\nvs\n%s", round, a, b)
		}
		ci, _ := imported.Conflicts(ctx, true)
		cs, _ := single.Conflicts(ctx, true)
		if fmt.Sprint(ci) != fmt.Sprint(cs) {
			t.Errorf("round %d: conflicts differ:\n%v\nvs\n%v", round, ci, cs)
		}
		// In another order: the same state.
		shuffled, _ := datatest.Open(t)
		order := append([]changelog.Change(nil), changes...)
		r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, c := range order {
			if _, err := datatest.ImportChanges(ctx, shuffled, []changelog.Change{c}); err != nil {
				t.Fatal(err)
			}
		}
		if a, b := datatest.Dump(t, imported), datatest.Dump(t, shuffled); a != b {
			t.Fatalf("round %d: import and another order differ:\n%s\nvs\n%s", round, a, b)
		}
	}
}

// TestImportFilterAcrossConnections: the store keeps its filter of records
// with clocks for later imports; a record given clocks by another
// connection in between must not be taken for new.
func TestImportFilterAcrossConnections(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	changes := recordChanges(r, 1500)
	path := filepath.Join(t.TempDir(), data.DBFileName)
	imported, _ := datatest.OpenAt(t, path)
	cut := len(changes) / 3
	second := changes[cut : 2*cut]
	feed := func(part []changelog.Change, hash string) {
		if _, err := imported.ImportChanges(ctx, changelog.BundleMeta{Device: "x", Hash: hash, Kind: "export", Count: uint64(len(part))}, datatest.Bundle(part), nil); err != nil {
			t.Fatal(err)
		}
	}
	feed(changes[:cut], "h1")
	other, _ := datatest.OpenAt(t, path)
	if _, err := datatest.ImportChanges(ctx, other, second); err != nil {
		t.Fatal(err)
	}
	other.Close()
	feed(append(append([]changelog.Change(nil), changes[2*cut:]...), second...), "h2")

	single, _ := datatest.Open(t)
	for _, part := range [][]changelog.Change{changes[:cut], second, changes[2*cut:]} {
		if _, err := datatest.ImportChanges(ctx, single, part); err != nil {
			t.Fatal(err)
		}
	}
	if a, b := datatest.Dump(t, imported), datatest.Dump(t, single); a != b {
		t.Fatalf("import after another connection's writes differs:\n%s\nvs\n%s", a, b)
	}
}
