package indicators_test

import (
	"context"
	"slices"
	"testing"

	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/report/indicators"
)

// The second wave, with known answers: named enterprises count once over
// records, counted ones add up, an enterprise merged away counts as its
// keeper, a record after the period is the next period's, the project's
// figure runs from its start, none of it enters RCO01, and a report of one
// partner has no second wave.
func TestSecondWave(t *testing.T) {
	ctx := context.Background()
	s, _ := datatest.Open(t)
	org := func(name string, kind domain.OrgKind, country domain.Country) domain.Organisation {
		o := domain.Organisation{Name: name, Kind: kind, Country: country}
		if err := s.CreateOrganisation(ctx, &o); err != nil {
			t.Fatal(err)
		}
		return o
	}
	hub := org("Nasjonalparken Næringshage", domain.KindIncubator, domain.CountryNO)
	cluster := org("Peak Innovation", domain.KindCluster, domain.CountrySE)
	a := org("Lierne Laks AS", domain.KindSME, domain.CountryNO)
	b := org("Snåsa Smak AS", domain.KindSME, domain.CountryNO)
	bDup := org("Snåsa Smak", domain.KindSME, domain.CountryNO)
	c := org("Åre Chokladfabrik AB", domain.KindSME, domain.CountrySE)
	for _, r := range []domain.Reach{
		{ActorID: hub.ID, Date: "2025-11-01", Others: 100},                                // before the project's start
		{ActorID: hub.ID, Date: "2026-02-01", OrgIDs: []string{a.ID, bDup.ID}, Others: 7}, // b's duplicate
		{ActorID: hub.ID, Date: "2026-03-01", OrgIDs: []string{a.ID, b.ID}},               // a and b again: once each
		{ActorID: cluster.ID, Date: "2026-06-30", OrgIDs: []string{c.ID}, Others: 3},      // the period's last day
		{ActorID: cluster.ID, Date: "2026-07-01", Others: 50},                             // the day after
	} {
		if err := s.CreateReach(ctx, &r); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.MergeOrganisations(ctx, b.ID, bDup.ID); err != nil {
		t.Fatal(err)
	}
	report := func(f indicators.Filter) *indicators.Report {
		r, err := indicators.Compute(ctx, s, f)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	h1 := report(indicators.Filter{From: "2026-01-01", To: "2026-06-30", ProjectStart: "2026-01-01"})
	w := h1.SecondWave
	if w == nil || w.Enterprises != 13 || w.Counted != 10 || !sameIDs(w.Named.Orgs, a.ID, b.ID, c.ID) ||
		!sameIDs(w.Actors.Orgs, hub.ID, cluster.ID) || len(w.Records) != 3 {
		t.Fatalf("first half: %+v, want 3 named (a, b, c) + 10 counted, by 2 actors, from 3 records", w)
	}
	if cw := h1.Cumulative.SecondWave; cw == nil || cw.Enterprises != 13 {
		t.Errorf("since the project's start (1 January): %+v, want the same 13", cw)
	}
	all := report(indicators.Filter{From: "2026-01-01", To: "2026-06-30", ProjectStart: "2025-01-01"})
	if cw := all.Cumulative.SecondWave; cw == nil || cw.Enterprises != 113 {
		t.Errorf("since a start in 2025: %+v, want 113", cw)
	}
	if h1.RCO01.Value != 0 {
		t.Errorf("RCO01 = %d: the second wave is not the project's own support", h1.RCO01.Value)
	}
	h2 := report(indicators.Filter{From: "2026-07-01", To: "2026-12-31"})
	if h2.SecondWave == nil || h2.SecondWave.Enterprises != 50 {
		t.Errorf("second half: %+v, want the 50 of 1 July", h2.SecondWave)
	}
	se := report(indicators.Filter{From: "2026-01-01", To: "2026-06-30", Country: domain.CountrySE})
	if se.SecondWave == nil || se.SecondWave.Enterprises != 4 || !sameIDs(se.SecondWave.Actors.Orgs, cluster.ID) {
		t.Errorf("Sweden (by the actor's country): %+v, want the cluster's 4", se.SecondWave)
	}
	if p := report(indicators.Filter{From: "2026-01-01", To: "2026-06-30", Partner: "Peak Innovation"}); p.SecondWave != nil {
		t.Errorf("a partner's report has a second wave: %+v", p.SecondWave)
	}
	if err := s.DeleteOrganisation(ctx, cluster.ID); err != nil {
		t.Fatal(err)
	}
	if w := report(indicators.Filter{From: "2026-01-01", To: "2026-06-30"}).SecondWave; w.Enterprises != 9 {
		t.Errorf("with the cluster deleted: %d, want the hub's 9", w.Enterprises)
	}
}

func sameIDs(got []string, want ...string) bool {
	g, w := slices.Clone(got), slices.Clone(want)
	slices.Sort(g)
	slices.Sort(w)
	return slices.Equal(g, w)
}
