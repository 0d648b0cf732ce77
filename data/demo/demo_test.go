package demo_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/demo"
	"eu.ilsa.coach/ilsa/data/domain"
)

func TestFillMakesRealisticDataOnlyOnce(t *testing.T) {
	ctx := context.Background()
	s, _ := datatest.Open(t)
	today := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	if err := demo.Fill(ctx, s, demo.Options{Orgs: 50, Visits: 300, Today: today}); err != nil {
		t.Fatal(err)
	}
	rep, err := s.Check(ctx)
	if err != nil || !rep.OK() {
		t.Fatalf("check: %+v %v", rep, err)
	}
	if rep.Counts[domain.EntityOrganisation] != 50 || rep.Counts[domain.EntityVisit] != 300 || rep.Counts[domain.EntityAction] == 0 {
		t.Fatalf("counts: %+v", rep.Counts)
	}
	countries := map[domain.Country]int{}
	rows, _ := s.SearchOrganisations(ctx, data.OrgQuery{})
	for _, r := range rows {
		countries[r.Country]++
		if _, ok := domain.MunicipalityByCode(r.Municipality); !ok {
			t.Fatalf("demo organisation outside the region: %+v", r.Organisation)
		}
	}
	if countries[domain.CountrySE] == 0 || countries[domain.CountryNO] == 0 {
		t.Fatalf("both countries should appear: %v", countries)
	}
	visits, _ := s.Visits(ctx, data.VisitQuery{From: "2024-11-27", To: "2026-11-27"})
	if len(visits) != 300 {
		t.Fatalf("visits within two years: %d", len(visits))
	}
	if err := demo.Fill(ctx, s, demo.Options{Orgs: 5}); !errors.Is(err, demo.ErrNotEmpty) {
		t.Fatalf("second fill: %v", err)
	}
}
