package data_test

import (
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
)

// conflicted makes two devices edit the notes of one organisation
// concurrently and exchange their changes; it returns both stores.
func conflicted(t *testing.T) (s1, s2 *data.Store, org domain.Organisation) {
	t.Helper()
	s1, _ = datatest.Open(t)
	s2, _ = datatest.Open(t)
	org = datatest.Org(t, s1, "Storsjö Kajak AB", "")
	exchange(t, s1, s2)
	for i, s := range []*data.Store{s1, s2} {
		o, _ := s.Organisation(ctx, org.ID)
		o.Notes = []string{"Vill utöka till Norge", "Söker finansiering för ny butik"}[i]
		if err := s.UpdateOrganisation(ctx, &o); err != nil {
			t.Fatal(err)
		}
	}
	exchange(t, s1, s2)
	return s1, s2, org
}

func exchange(t *testing.T, a, b *data.Store) {
	t.Helper()
	for _, p := range [][2]*data.Store{{a, b}, {b, a}} {
		ch, err := p[0].Changes(ctx, "", 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := datatest.ImportChanges(ctx, p[1], ch); err != nil {
			t.Fatal(err)
		}
	}
}

func TestResolveAConflictWithAMergedText(t *testing.T) {
	s1, s2, org := conflicted(t)
	var all []data.Conflict
	for _, s := range []*data.Store{s1, s2} {
		c, _ := s.Conflicts(ctx, false)
		all = append(all, c...)
	}
	if len(all) == 0 {
		t.Fatal("no conflict recorded on either device")
	}
	c := all[0]
	owner := s1
	if c2, _ := s2.Conflicts(ctx, false); len(c2) > 0 {
		owner = s2
	}
	if !data.IsFreeText(c.Entity, c.Field) || owner.ConflictRecordName(ctx, c.Entity, c.ID) != "Storsjö Kajak AB" {
		t.Fatalf("conflict %+v", c)
	}
	merged := "Vill utöka till Norge. Söker finansiering för ny butik."
	if err := owner.ResolveConflict(ctx, c.N, data.UseMerged, merged); err != nil {
		t.Fatal(err)
	}
	if left, _ := owner.Conflicts(ctx, false); len(left) != 0 {
		t.Errorf("still open: %+v", left)
	}
	exchange(t, s1, s2)
	for _, s := range []*data.Store{s1, s2} {
		if o, _ := s.Organisation(ctx, org.ID); o.Notes != merged {
			t.Errorf("notes %q, want the merged text everywhere", o.Notes)
		}
	}
	if datatest.Dump(t, s1) != datatest.Dump(t, s2) {
		t.Error("the devices differ after the resolution synced")
	}
}

func TestResolveAConflictByTakingTheOtherValue(t *testing.T) {
	s1, s2, org := conflicted(t)
	for _, s := range []*data.Store{s1, s2} {
		list, _ := s.Conflicts(ctx, false)
		for _, c := range list {
			before, _ := s.Organisation(ctx, org.ID)
			if err := s.ResolveConflict(ctx, c.N, data.TakeLoser, ""); err != nil {
				t.Fatal(err)
			}
			after, _ := s.Organisation(ctx, org.ID)
			if after.Notes == before.Notes {
				t.Error("taking the losing value changed nothing")
			}
		}
	}
	if err := s1.ResolveConflict(ctx, 9999, data.KeepWinner, ""); err == nil {
		t.Error("resolving an unknown conflict succeeded")
	}
}

// A conflict settled on one device is settled on every device that recorded
// it, once the settlement arrives, whichever way it was settled.
func TestAConflictSettledOnOneDeviceIsSettledEverywhere(t *testing.T) {
	for _, choice := range []data.ConflictChoice{data.KeepWinner, data.TakeLoser, data.UseMerged} {
		s1, s2, _ := conflicted(t)
		c1, _ := s1.Conflicts(ctx, false)
		c2, _ := s2.Conflicts(ctx, false)
		if len(c1) != 1 || len(c2) != 1 {
			t.Fatalf("conflicts %d and %d, want one on each device", len(c1), len(c2))
		}
		if err := s1.ResolveConflict(ctx, c1[0].N, choice, "Norge och ny butik"); err != nil {
			t.Fatal(err)
		}
		ch, err := s1.Changes(ctx, "", 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		if res, err := datatest.ImportChanges(ctx, s2, ch); err != nil || res.Settled != 1 {
			t.Errorf("choice %d: the other device reports %d settled (%v), want 1", choice, res.Settled, err)
		}
		exchange(t, s1, s2)
		if open, _ := s2.Conflicts(ctx, false); len(open) != 0 {
			t.Errorf("choice %d: still open on the other device: %+v", choice, open)
		}
		if all, _ := s2.Conflicts(ctx, true); len(all) != 1 || !all[0].Resolved {
			t.Errorf("choice %d: the other device keeps %+v, want its conflict, resolved", choice, all)
		}
		if datatest.Dump(t, s1) != datatest.Dump(t, s2) {
			t.Errorf("choice %d: the devices differ after the settlement synced", choice)
		}
	}
}

// A device that meets the conflict only after its settlement records it
// settled, and reports no new conflict.
func TestASettlementBeforeTheConflictSettlesItOnArrival(t *testing.T) {
	s1, _, _ := conflicted(t)
	c1, _ := s1.Conflicts(ctx, false)
	if len(c1) != 1 {
		t.Fatalf("%d conflicts on the first device", len(c1))
	}
	if err := s1.ResolveConflict(ctx, c1[0].N, data.KeepWinner, ""); err != nil {
		t.Fatal(err)
	}
	s3, _ := datatest.Open(t)
	all, err := s1.Changes(ctx, "", 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	var first, later []changelog.Change // the first device's own changes, then the second's
	for _, c := range all {
		if c.Device == s1.DeviceID() {
			first = append(first, c)
		} else {
			later = append(later, c)
		}
	}
	if _, err := datatest.ImportChanges(ctx, s3, first); err != nil {
		t.Fatal(err)
	}
	res, err := datatest.ImportChanges(ctx, s3, later)
	if err != nil {
		t.Fatal(err)
	}
	if res.Conflicts != 0 {
		t.Errorf("%d new conflicts reported for a settled one", res.Conflicts)
	}
	if open, _ := s3.Conflicts(ctx, false); len(open) != 0 {
		t.Errorf("open on the third device: %+v", open)
	}
	if got, _ := s3.Conflicts(ctx, true); len(got) != 1 || !got[0].Resolved {
		t.Errorf("third device keeps %+v, want the conflict, resolved", got)
	}
}

// A conflict over a code (here the sector) offers no merged text: a merged
// value would be refused by every later save of the record. The refusal
// changes nothing.
func TestAMergedTextOnlyForFreeText(t *testing.T) {
	s1, _ := datatest.Open(t)
	s2, _ := datatest.Open(t)
	org := datatest.Org(t, s1, "Funäsdalens Fjällguide AB", "")
	exchange(t, s1, s2)
	for i, s := range []*data.Store{s1, s2} {
		o, _ := s.Organisation(ctx, org.ID)
		o.Sector = []string{"C", "J"}[i]
		if err := s.UpdateOrganisation(ctx, &o); err != nil {
			t.Fatal(err)
		}
	}
	exchange(t, s1, s2)
	open, _ := s1.Conflicts(ctx, false)
	if len(open) != 1 || open[0].Field != "sector" {
		t.Fatalf("conflicts %+v, want one over the sector", open)
	}
	before, _ := s1.Organisation(ctx, org.ID)
	if err := s1.ResolveConflict(ctx, open[0].N, data.UseMerged, "C och J"); err == nil {
		t.Fatal("a merged sector was accepted")
	}
	after, _ := s1.Organisation(ctx, org.ID)
	if still, _ := s1.Conflicts(ctx, false); len(still) != 1 || after.Sector != before.Sector {
		t.Errorf("a refused merge changed something: %d open, sector %q → %q", len(still), before.Sector, after.Sector)
	}
	s3, _, _ := conflicted(t)
	notes, _ := s3.Conflicts(ctx, false)
	if err := s3.ResolveConflict(ctx, notes[0].N, data.UseMerged, " \n "); err == nil {
		t.Error("an empty merged text was accepted")
	}
	if still, _ := s3.Conflicts(ctx, false); len(still) != 1 {
		t.Errorf("a refused empty merge settled the conflict")
	}
	for _, f := range []struct {
		entity, field string
		free          bool
	}{{domain.EntityOrganisation, "notes", true}, {domain.EntityOrganisation, "name", true}, {domain.EntityVisit, "notes", true},
		{domain.EntityOrganisation, "sector", false}, {domain.EntityOrganisation, "orgnr", false}, {domain.EntityVisit, "date", false},
		{domain.EntityContact, "email", false}, {domain.EntityAction, "due", false}} {
		if data.IsFreeText(f.entity, f.field) != f.free {
			t.Errorf("IsFreeText(%s, %s) = %v", f.entity, f.field, !f.free)
		}
	}
}

// A conflict whose field was edited again afterwards says so: neither of
// its values is what the field holds now.
func TestAConflictKnowsWhenItsFieldChangedAgain(t *testing.T) {
	s1, s2, org := conflicted(t)
	owner := s1
	if c, _ := s2.Conflicts(ctx, false); len(c) > 0 {
		owner = s2
	}
	list, _ := owner.Conflicts(ctx, false)
	if len(list) != 1 || list[0].Superseded() || list[0].CurrentHLC != list[0].WinnerHLC {
		t.Fatalf("fresh conflict: %+v", list)
	}
	o, _ := owner.Organisation(ctx, org.ID)
	o.Notes = "Har öppnat butiken i Åre"
	if err := owner.UpdateOrganisation(ctx, &o); err != nil {
		t.Fatal(err)
	}
	list, _ = owner.Conflicts(ctx, false)
	if len(list) != 1 || !list[0].Superseded() {
		t.Fatalf("after a later edit of the field: %+v", list)
	}
	// An edit of another field does not supersede it.
	s1b, s2b, org2 := conflicted(t)
	owner = s1b
	if c, _ := s2b.Conflicts(ctx, false); len(c) > 0 {
		owner = s2b
	}
	o, _ = owner.Organisation(ctx, org2.ID)
	o.SustainabilityNotes = "Solceller på taket"
	if err := owner.UpdateOrganisation(ctx, &o); err != nil {
		t.Fatal(err)
	}
	if list, _ = owner.Conflicts(ctx, false); len(list) != 1 || list[0].Superseded() {
		t.Fatalf("after an edit of another field: %+v", list)
	}
}
