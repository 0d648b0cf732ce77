package data_test

import (
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
)

// conflicted makes two devices edit the notes of one organisation
// concurrently and exchange their changes; it returns both stores.
func conflicted(t *testing.T) (s1, s2 *data.Store, org data.Organisation) {
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
		if _, err := p[1].Apply(ctx, ch); err != nil {
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
	if !data.IsTextField(c.Entity, c.Field) || owner.ConflictRecordName(ctx, c.Entity, c.ID) != "Storsjö Kajak AB" {
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
