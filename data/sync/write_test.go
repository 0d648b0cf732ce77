package sync_test

import (
	"encoding/json"
	"io"
	"os"
	"slices"
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/sync/bundle"
)

// ownChanges reads every change in the bundles of dev's directory.
func ownChanges(t *testing.T, folder, dev string) []data.Change {
	t.Helper()
	var out []data.Change
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
	moved := slices.ContainsFunc(ownChanges(t, folder, b.s.DeviceID()), func(c data.Change) bool {
		return c.Entity == data.EntityVisit && c.ID == v.ID && c.Field == "orgs" && c.Value == string(want)
	})
	if !moved {
		t.Fatal("the visit's move onto the kept organisation is not in b's directory after the sync that made it")
	}
	if again := b.sync(folder); len(again.Written) != 0 {
		t.Errorf("the next sync still had %d bundles to write: %+v", len(again.Written), again.Written)
	}
}
