package indicators_test

import (
	"context"
	"testing"

	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/hlc"
	"eu.ilsa.coach/ilsa/data/report/indicators"
)

// Only enterprises (SME, start-up, large) are RCO01/RCO04. An incubator,
// a municipality and "other" are organisations reached, by kind; an
// organisation whose kind was never given, or came from a newer build with
// a kind this one does not know, is "kind not given" and counted apart.
func TestRCO01CountsEnterprisesOnly(t *testing.T) {
	ctx := context.Background()
	s, _ := datatest.Open(t)
	mk := func(name string, kind domain.OrgKind) string {
		t.Helper()
		o := domain.Organisation{Name: name, Country: domain.CountrySE, Kind: kind, Employees: intp(12)}
		if err := s.CreateOrganisation(ctx, &o); err != nil {
			t.Fatal(err)
		}
		return o.ID
	}
	sme := mk("Åre Trä AB", domain.KindSME)
	hub := mk("Peak Innovation", domain.KindIncubator)
	muni := mk("Krokoms kommun", domain.KindMunicipality)
	other := mk("Föreningen Fjällvägen", domain.KindOther)
	notGiven := mk("Fjällbryggeriet", domain.KindUnknown)

	// From a colleague's newer build: a new organisation of a kind this
	// build does not know. The import must go through; the kind is kept
	// aside and the organisation counts as "kind not given".
	now := hlc.FromTime(datatest.Epoch)
	const newer = "ffffffff-newer-build"
	id := "01a24e9d-0000-7000-8000-00000000beef"
	res := datatest.Import(t, s, []changelog.Change{
		{Device: newer, Seq: 1, HLC: now, Entity: domain.EntityOrganisation, ID: id, Field: "name", Value: `"Trøndelag Romfart AS"`},
		{Device: newer, Seq: 2, HLC: now, Entity: domain.EntityOrganisation, ID: id, Field: "country", Value: `"NO"`},
		{Device: newer, Seq: 3, HLC: now, Entity: domain.EntityOrganisation, ID: id, Field: "kind", Value: `"spaceport"`},
	})
	if res.Applied != 2 || res.Refused != 1 {
		t.Fatalf("import %+v: want the name and country applied, the unknown kind kept aside", res)
	}
	if o, err := s.Organisation(ctx, id); err != nil || o.Kind != domain.KindUnknown {
		t.Fatalf("imported organisation %+v, %v", o, err)
	}

	for _, org := range []string{sme, hub, muni, other, notGiven, id} {
		if err := s.CreateVisit(ctx, &domain.Visit{Date: "2026-03-02", OrgIDs: []string{org}}); err != nil {
			t.Fatal(err)
		}
	}
	r, err := indicators.Compute(ctx, s, indicators.Filter{From: from, To: to})
	if err != nil {
		t.Fatal(err)
	}
	if r.RCO01.Value != 1 || r.RCO01.Orgs[0] != sme || r.RCO04.Value != 1 {
		t.Errorf("RCO01 %d %v, RCO04 %d: want the SME only", r.RCO01.Value, r.RCO01.Orgs, r.RCO04.Value)
	}
	if r.OrgsReached.Value != 6 {
		t.Errorf("organisations reached %d, want 6", r.OrgsReached.Value)
	}
	if r.UnknownKind.Value != 2 {
		t.Errorf("kind not given %d (%v), want 2", r.UnknownKind.Value, r.UnknownKind.Orgs)
	}
	got := map[string]int{}
	for _, row := range r.Breakdown(indicators.ByKind).Rows {
		got[row.Key] = len(row.OrgIDs)
	}
	want := map[string]int{"sme": 1, "incubator": 1, "municipality": 1, "other": 1, "": 2}
	if len(got) != len(want) {
		t.Errorf("by kind %v, want %v", got, want)
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("by kind %q = %d, want %d (all: %v)", k, got[k], n, got)
		}
	}
}
