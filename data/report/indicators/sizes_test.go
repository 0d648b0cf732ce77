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

// A period's size split uses the size each enterprise had at its first
// support in the period, as recorded on that visit: a headcount edited
// later changes no period's figures, and a size the advisor corrected on
// the visit wins over the headcount.
func TestSizeIsTheSizeAtFirstSupportInThePeriod(t *testing.T) {
	ctx := context.Background()
	s, _ := datatest.Open(t)
	grow := domain.Organisation{Name: "Växande AB", Country: domain.CountrySE, Kind: domain.KindSME, Employees: intp(5)}
	fixed := domain.Organisation{Name: "Rättad AS", Country: domain.CountryNO, Kind: domain.KindSME, Employees: intp(5)}
	for _, o := range []*domain.Organisation{&grow, &fixed} {
		if err := s.CreateOrganisation(ctx, o); err != nil {
			t.Fatal(err)
		}
	}
	visit := func(date string, orgs ...string) domain.Visit {
		t.Helper()
		v := domain.Visit{Date: date, OrgIDs: orgs}
		if err := s.CreateVisit(ctx, &v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	setEmployees := func(o *domain.Organisation, n int) {
		t.Helper()
		o.Employees = intp(n)
		if err := s.UpdateOrganisation(ctx, o); err != nil {
			t.Fatal(err)
		}
	}
	// grow: micro in February, medium by May.
	visit("2026-02-01", grow.ID)
	setEmployees(&grow, 60)
	visit("2026-05-01", grow.ID)
	// fixed: the advisor recorded it as small on the visit, whatever its headcount said.
	v := visit("2026-03-01", fixed.ID)
	v.Sizes[fixed.ID] = domain.SizeSmall
	if err := s.UpdateVisit(ctx, &v); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Visit(ctx, v.ID); got.Sizes[fixed.ID] != domain.SizeSmall {
		t.Fatalf("stored sizes %v", got.Sizes)
	}

	split := func(f indicators.Filter) map[string]int {
		t.Helper()
		r, err := indicators.Compute(ctx, s, f)
		if err != nil {
			t.Fatal(err)
		}
		return map[string]int{"micro": r.RCO01.Micro.Value, "small": r.RCO01.Small.Value, "medium": r.RCO01.Medium.Value,
			"large": r.RCO01.Large.Value, "unknown": r.RCO01.Unknown.Value, "total": r.RCO01.Value}
	}
	check := func(name string, got, want map[string]int) {
		t.Helper()
		for k, n := range want {
			if got[k] != n {
				t.Errorf("%s: %s = %d, want %d (all: %v)", name, k, got[k], n, got)
			}
		}
	}
	half := indicators.Filter{From: from, To: to}
	check("first half", split(half), map[string]int{"micro": 1, "small": 1, "medium": 0, "total": 2})
	check("from April", split(indicators.Filter{From: "2026-04-01", To: to}), map[string]int{"micro": 0, "medium": 1, "total": 1})

	// After the period: grow passes 250 and fixed is given 100 staff. The
	// first half reads as before.
	setEmployees(&grow, 400)
	setEmployees(&fixed, 100)
	check("first half, headcounts edited later", split(half), map[string]int{"micro": 1, "small": 1, "large": 0, "medium": 0, "total": 2})

	// A visit from a colleague's older build carries no sizes: its
	// organisation's headcount now stands in.
	now := hlc.FromTime(datatest.Epoch)
	const older = "ffffffff-older-build"
	id := "01a24e9d-0000-7000-8000-00000000cafe"
	datatest.Import(t, s, []changelog.Change{
		{Device: older, Seq: 1, HLC: now, Entity: domain.EntityVisit, ID: id, Field: "date", Value: `"2026-06-01"`},
		{Device: older, Seq: 2, HLC: now, Entity: domain.EntityVisit, ID: id, Field: "orgs", Value: `["` + grow.ID + `"]`},
	})
	check("June, visit without sizes", split(indicators.Filter{From: "2026-06-01", To: to}), map[string]int{"large": 1, "total": 1})

	// A size class from a newer build is kept aside; the import goes through.
	res := datatest.Import(t, s, []changelog.Change{
		{Device: older, Seq: 3, HLC: now + 1, Entity: domain.EntityVisit, ID: id, Field: "sizes", Value: `["` + grow.ID + `=gigantic"]`},
	})
	if res.Refused != 1 {
		t.Errorf("import of an unknown size class: %+v, want it kept aside", res)
	}
}
