package data_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/hlc"
)

// randomChanges makes n changes from a few devices over a few records, with
// clashing timestamps, values of every field kind, stale bases, tombstones,
// and fields this version does not know.
func randomChanges(r *rand.Rand, n int) []changelog.Change {
	devices := []string{"dev-a", "dev-b", "dev-c"}
	ids := []string{"id-1", "id-2", "id-3"}
	type fv struct{ entity, field string }
	fields := []fv{
		{domain.EntityOrganisation, "name"}, {domain.EntityOrganisation, "employees"}, {domain.EntityOrganisation, "tags"},
		{domain.EntityOrganisation, "deleted"}, {domain.EntityOrganisation, "notes"},
		{domain.EntityVisit, "orgs"}, {domain.EntityVisit, "minutes"}, {domain.EntityVisit, "cross_border"},
		{domain.EntityContact, "name"}, {domain.EntityAction, "done"}, {domain.EntityOrganisation, "from_the_future"},
	}
	value := func(f string) string {
		switch f {
		case "employees":
			if r.IntN(3) == 0 {
				return "null"
			}
			return fmt.Sprint(r.IntN(300))
		case "minutes":
			return fmt.Sprint(r.IntN(300))
		case "deleted", "cross_border":
			return fmt.Sprint(r.IntN(2) == 0)
		case "tags", "orgs":
			return fmt.Sprintf(`["id-%d","x"]`, r.IntN(3))
		}
		if r.IntN(20) == 0 {
			return "42" // wrong shape for a text field: kept in the log, never applied
		}
		return fmt.Sprintf(`"v%d"`, r.IntN(5))
	}
	seq := map[string]uint64{}
	base := hlc.FromTime(datatest.Epoch)
	out := make([]changelog.Change, n)
	for i := range out {
		d := devices[r.IntN(len(devices))]
		seq[d]++
		f := fields[r.IntN(len(fields))]
		ts := base + hlc.Timestamp(r.IntN(40)) // few distinct clocks: many ties across devices
		b := hlc.Timestamp(0)
		if r.IntN(2) == 0 {
			b = base + hlc.Timestamp(r.IntN(40))
		}
		out[i] = changelog.Change{Device: d, Seq: seq[d], HLC: ts, Base: b, Entity: f.entity,
			ID: ids[r.IntN(len(ids))], Field: f.field, Value: value(f.field)}
	}
	return out
}

// TestApplyIsOrderIndependentAndIdempotent is the property sync stands on:
// the same field changes applied in any order, any number of times, in any
// batches, give byte-identical state.
func TestApplyIsOrderIndependentAndIdempotent(t *testing.T) {
	for round := 0; round < 25; round++ {
		r := rand.New(rand.NewPCG(uint64(round), 7))
		changes := randomChanges(r, 60)
		var want string
		for replica := 0; replica < 4; replica++ {
			s, _ := datatest.Open(t)
			// Shuffle, duplicate some, and apply in random batches.
			order := append([]changelog.Change(nil), changes...)
			for i := 0; i < 15; i++ {
				order = append(order, changes[r.IntN(len(changes))])
			}
			r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			for len(order) > 0 {
				k := 1 + r.IntN(len(order))
				if _, err := datatest.ImportChanges(ctx, s, order[:k]); err != nil {
					t.Fatal(err)
				}
				order = order[k:]
			}
			got := datatest.Dump(t, s)
			if replica == 0 {
				want = got
			} else if got != want {
				t.Fatalf("round %d: replica %d differs:\n%s\nvs\n%s", round, replica, got, want)
			}
		}
	}
}

func TestApplyCountsDuplicatesAndUnknownFields(t *testing.T) {
	s, _ := datatest.Open(t)
	ts := hlc.FromTime(datatest.Epoch)
	batch := []changelog.Change{
		{Device: "d1", Seq: 1, HLC: ts, Entity: domain.EntityOrganisation, ID: "o1", Field: "name", Value: `"Snåsa Sag AS"`},
		{Device: "d1", Seq: 2, HLC: ts, Entity: domain.EntityOrganisation, ID: "o1", Field: "colour", Value: `"red"`},
		{Device: "d1", Seq: 3, HLC: ts, Entity: "spaceship", ID: "s1", Field: "name", Value: `"x"`},
	}
	res, err := datatest.ImportChanges(ctx, s, batch)
	if err != nil {
		t.Fatal(err)
	}
	if res.Applied != 1 || res.Unknown != 2 {
		t.Fatalf("first apply: %+v", res)
	}
	res, _ = datatest.ImportChanges(ctx, s, batch)
	if res.Duplicates != 3 || res.Applied != 0 {
		t.Fatalf("second apply: %+v", res)
	}
	all, _ := s.Changes(ctx, "d1", 0, 0)
	if len(all) != 3 {
		t.Fatalf("unknown changes not kept in the log for forwarding: %d", len(all))
	}
}

func TestConcurrentEditsKeepTheLoser(t *testing.T) {
	a, _ := datatest.Open(t)
	b, _ := datatest.Open(t)
	o := datatest.Org(t, a, "Verdal Verksted AS", "")
	initial, _ := a.Changes(ctx, "", 0, 0)
	if _, err := datatest.ImportChanges(ctx, b, initial); err != nil {
		t.Fatal(err)
	}
	// Both advisors edit the notes offline.
	oa, _ := a.Organisation(ctx, o.ID)
	oa.Notes = "Anna: vill söka Vinnova-medel"
	if err := a.UpdateOrganisation(ctx, &oa); err != nil {
		t.Fatal(err)
	}
	ob, _ := b.Organisation(ctx, o.ID)
	ob.Notes = "Ola: ønsker hjelp med patent"
	if err := b.UpdateOrganisation(ctx, &ob); err != nil {
		t.Fatal(err)
	}
	fromA, _ := a.Changes(ctx, a.DeviceID(), 0, 0)
	fromB, _ := b.Changes(ctx, b.DeviceID(), 0, 0)
	if _, err := datatest.ImportChanges(ctx, a, fromB); err != nil {
		t.Fatal(err)
	}
	if _, err := datatest.ImportChanges(ctx, b, fromA); err != nil {
		t.Fatal(err)
	}
	if datatest.Dump(t, a) != datatest.Dump(t, b) {
		t.Fatal("devices did not converge")
	}
	for _, s := range []*data.Store{a, b} {
		cs, _ := s.Conflicts(ctx, false)
		if len(cs) != 1 || cs[0].Field != "notes" {
			t.Fatalf("conflicts: %+v", cs)
		}
		vals := cs[0].WinnerValue + cs[0].LoserValue
		if !contains(vals, "Vinnova") || !contains(vals, "patent") {
			t.Fatalf("a value was lost: %+v", cs[0])
		}
	}
	// A sequential edit (b saw a's value) is no conflict.
	ob, _ = b.Organisation(ctx, o.ID)
	ob.Notes = "Samlat: båda delarna"
	if err := b.UpdateOrganisation(ctx, &ob); err != nil {
		t.Fatal(err)
	}
	fromB, _ = b.Changes(ctx, b.DeviceID(), 0, 0)
	if _, err := datatest.ImportChanges(ctx, a, fromB); err != nil {
		t.Fatal(err)
	}
	if cs, _ := a.Conflicts(ctx, false); len(cs) != 1 {
		t.Fatalf("a sequential edit was flagged: %+v", cs)
	}
}

func TestEditOfStaleCopyIsKeptAsConflict(t *testing.T) {
	s, clk := datatest.Open(t)
	o := datatest.Org(t, s, "Meråker Kraft AS", "")
	stale, _ := s.Organisation(ctx, o.ID)
	// Meanwhile sync brings another advisor's notes.
	clk.Set(datatest.Epoch.Add(time.Minute))
	_, err := datatest.ImportChanges(ctx, s, []changelog.Change{{Device: "other", Seq: 1, HLC: hlc.FromTime(datatest.Epoch.Add(30 * time.Second)),
		Base: stale.Seen, Entity: domain.EntityOrganisation, ID: o.ID, Field: "notes", Value: `"från synken"`}})
	if err != nil {
		t.Fatal(err)
	}
	stale.Notes = "skrivet i formuläret"
	if err := s.UpdateOrganisation(ctx, &stale); err != nil {
		t.Fatal(err)
	}
	cs, _ := s.Conflicts(ctx, false)
	if len(cs) != 1 || !contains(cs[0].LoserValue, "från synken") {
		t.Fatalf("synced value lost without a conflict: %+v", cs)
	}
}

func TestFutureClockIsFlaggedAndNotFollowed(t *testing.T) {
	s, _ := datatest.Open(t)
	o := datatest.Org(t, s, "Namsos Marin AS", "")
	future := hlc.FromTime(datatest.Epoch.AddDate(5, 0, 0))
	res, err := datatest.ImportChanges(ctx, s, []changelog.Change{{Device: "broken", Seq: 1, HLC: future, Entity: domain.EntityOrganisation, ID: o.ID, Field: "notes", Value: `"x"`}})
	if err != nil || res.FutureHLC != 1 {
		t.Fatalf("future change: %+v %v", res, err)
	}
	if s.Clock().Last() >= future {
		t.Fatal("local clock followed a broken remote clock")
	}
}

func contains(s, sub string) bool { return len(s) >= len(sub) && (s == sub || indexOf(s, sub) >= 0) }

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}
