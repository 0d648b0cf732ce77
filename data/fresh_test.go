package data_test

import (
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/hlc"
)

// TestFreshRecordInterruptedByALosingChange: a new visit's fields, then a
// change to another record that loses (and so writes no row), then the
// visit's organisations. The visit's row must exist before its links.
func TestFreshRecordInterruptedByALosingChange(t *testing.T) {
	s, _ := datatest.Open(t)
	o := datatest.Org(t, s, "Selbu Strikk AS", "")
	for _, n := range []string{"newer", "newest"} { // the notes' clock now has a base later than the change below: it loses without a conflict, reading no row
		o.Notes = n
		if err := s.UpdateOrganisation(ctx, &o); err != nil {
			t.Fatal(err)
		}
	}
	ts := hlc.FromTime(datatest.Epoch.Add(-1000000))
	batch := []changelog.Change{
		{Device: "d", Seq: 1, HLC: ts, Entity: domain.EntityVisit, ID: "v1", Field: "date", Value: `"2026-11-20"`},
		{Device: "d", Seq: 2, HLC: ts, Entity: domain.EntityOrganisation, ID: o.ID, Field: "notes", Value: `"old"`},
		{Device: "d", Seq: 3, HLC: ts, Entity: domain.EntityVisit, ID: "v1", Field: "orgs", Value: `["` + o.ID + `"]`},
		{Device: "d", Seq: 4, HLC: ts, Entity: domain.EntityVisit, ID: "v1", Field: "notes", Value: `"om patent"`},
	}
	if _, err := datatest.ImportChanges(ctx, s, batch); err != nil {
		t.Fatal(err)
	}
	vs, err := s.Visits(ctx, data.VisitQuery{OrgID: o.ID})
	if err != nil || len(vs) != 1 || vs[0].Notes != "om patent" {
		t.Fatalf("visits of the organisation: %+v %v", vs, err)
	}
	rows, _ := s.SearchOrganisations(ctx, data.OrgQuery{Text: "patent"})
	if len(rows) != 1 || rows[0].Visits != 1 {
		t.Fatalf("derived rows: %+v", rows)
	}
}
