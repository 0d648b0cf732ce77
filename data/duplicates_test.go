package data_test

import (
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
)

func orgIn(t *testing.T, s *data.Store, name, orgnr, muni string) domain.Organisation {
	t.Helper()
	o := domain.Organisation{Name: name, OrgNr: orgnr, Country: domain.CountrySE, Municipality: muni, Kind: domain.KindSME}
	if err := s.CreateOrganisation(ctx, &o); err != nil {
		t.Fatal(err)
	}
	return o
}

func TestDuplicateCandidates(t *testing.T) {
	s, _ := datatest.Open(t)
	a := orgIn(t, s, "Fjällbygg AB", "5560360793", "2321")
	b := orgIn(t, s, "Fjällbyg Aktiebolag", "", "2321") // a typo, another company form, same municipality
	c := orgIn(t, s, "Fjällbygg AB", "", "2361")        // same name, other municipality
	d := orgIn(t, s, "Bergmek AB 103", "", "2321")      // numbered names are different companies
	e := orgIn(t, s, "Bergmek AB 104", "", "2321")
	f := orgIn(t, s, "Annat namn AB", "5560360793", "2380") // same org number
	_, _, _ = c, d, e
	pairs, err := s.DuplicateCandidates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]data.DuplicateReason{}
	for _, p := range pairs {
		got[p.A.Name+" | "+p.B.Name] = p.Reason
	}
	want := map[string]data.DuplicateReason{
		"Fjällbygg AB | Fjällbyg Aktiebolag": data.DuplicateName,
		"Fjällbygg AB | Annat namn AB":       data.DuplicateOrgNr,
	}
	if len(got) != len(want) {
		t.Fatalf("pairs %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("pair %q: %q, want %q (all: %v)", k, got[k], v, got)
		}
	}
	if err := s.DismissDuplicate(f.ID, a.ID); err != nil {
		t.Fatal(err)
	}
	pairs, _ = s.DuplicateCandidates(ctx)
	if len(pairs) != 1 || pairs[0].B.ID != b.ID {
		t.Fatalf("after dismissing: %+v", pairs)
	}
}

// Merging moves everything onto the kept record as ordinary changes: a
// second device that imports them ends in the same state, and a contact
// that device made offline for the duplicate is moved too.
func TestMergeOrganisationsSyncsAndRehomes(t *testing.T) {
	s1, _ := datatest.Open(t)
	s2, _ := datatest.Open(t)
	keep := orgIn(t, s1, "Fjällbygg AB", "", "2321")
	emp := 12
	dup := domain.Organisation{Name: "Fjällbyg AB", OrgNr: "5560360793", Country: domain.CountrySE, Municipality: "2321",
		Kind: domain.KindSME, Employees: &emp, Notes: "Registrerad av Erik"}
	if err := s1.CreateOrganisation(ctx, &dup); err != nil {
		t.Fatal(err)
	}
	c := domain.Contact{OrgID: dup.ID, Name: "Maja Berg"}
	if err := s1.CreateContact(ctx, &c); err != nil {
		t.Fatal(err)
	}
	both := datatest.Visit(t, s1, "2026-10-01", "Workshop", keep.ID, dup.ID)
	only := datatest.Visit(t, s1, "2026-10-05", "Besök", dup.ID)
	act := domain.Action{OrgID: dup.ID, Text: "Skicka offert"}
	if err := s1.CreateAction(ctx, &act); err != nil {
		t.Fatal(err)
	}
	sync := func(from, to *data.Store) {
		t.Helper()
		ch, err := from.Changes(ctx, "", 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := datatest.ImportChanges(ctx, to, ch); err != nil {
			t.Fatal(err)
		}
	}
	sync(s1, s2)
	// Offline on device 2: a new contact at the duplicate.
	late := domain.Contact{OrgID: dup.ID, Name: "Olle Sten"}
	if err := s2.CreateContact(ctx, &late); err != nil {
		t.Fatal(err)
	}

	res, err := s1.MergeOrganisations(ctx, keep.ID, dup.ID)
	if err != nil {
		t.Fatal(err)
	}
	if res != (data.MergeResult{Contacts: 1, Visits: 2, Actions: 1}) {
		t.Errorf("merge moved %+v", res)
	}
	k, _ := s1.Organisation(ctx, keep.ID)
	if k.OrgNr != "5560360793" || k.Employees == nil || *k.Employees != 12 || k.Notes != "Registrerad av Erik" {
		t.Errorf("the kept record was not filled in: %+v", k)
	}
	if _, err := s1.Organisation(ctx, dup.ID); err == nil {
		t.Error("the duplicate is still live")
	}
	v, _ := s1.Visit(ctx, both.ID)
	if len(v.OrgIDs) != 1 || v.OrgIDs[0] != keep.ID {
		t.Errorf("the workshop names %v", v.OrgIDs)
	}
	v, _ = s1.Visit(ctx, only.ID)
	if len(v.OrgIDs) != 1 || v.OrgIDs[0] != keep.ID {
		t.Errorf("the visit names %v", v.OrgIDs)
	}

	sync(s1, s2)
	sync(s2, s1)
	for _, s := range []*data.Store{s1, s2} {
		if _, err := s.RehomeMerged(ctx); err != nil {
			t.Fatal(err)
		}
	}
	sync(s1, s2)
	sync(s2, s1)
	if datatest.Dump(t, s1) != datatest.Dump(t, s2) {
		t.Fatal("the devices differ after syncing the merge")
	}
	contacts, _ := s2.Contacts(ctx, keep.ID)
	if len(contacts) != 2 {
		t.Fatalf("the kept organisation has %d contacts, want both", len(contacts))
	}
	if n, _ := s1.RehomeMerged(ctx); n != 0 {
		t.Errorf("a second rehome moved %d records", n)
	}
	if pairs, _ := s1.DuplicateCandidates(ctx); len(pairs) != 0 {
		t.Errorf("still flagged after the merge: %+v", pairs)
	}
}

// Each side of a pair tells its history: visits, the last one, and which
// device registered it.
func TestDuplicateCandidatesTellTheirHistory(t *testing.T) {
	s, _ := datatest.Open(t)
	a := orgIn(t, s, "Fjälldata AB", "5560360793", "2380")
	b := orgIn(t, s, "Fjälldata AB", "5560360793", "2380")
	datatest.Visit(t, s, "2026-03-14", "Patent", b.ID)
	datatest.Visit(t, s, "2026-05-02", "Uppföljning", b.ID)
	pairs, err := s.DuplicateCandidates(ctx)
	if err != nil || len(pairs) != 1 {
		t.Fatalf("pairs %+v, %v", pairs, err)
	}
	if err := s.DuplicateHistories(ctx, pairs); err != nil {
		t.Fatal(err)
	}
	p := pairs[0]
	if p.A.ID != a.ID || p.AHistory != (data.OrgHistory{CreatedBy: s.DeviceID()}) {
		t.Errorf("the older side: %+v", p.AHistory)
	}
	if p.BHistory != (data.OrgHistory{Visits: 2, LastVisit: "2026-05-02", CreatedBy: s.DeviceID()}) {
		t.Errorf("the side with visits: %+v", p.BHistory)
	}
}
