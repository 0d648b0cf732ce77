package changelog_test

import (
	"context"
	"fmt"
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/datatest"
)

// TestBulkDerivedRowsEqualOneByOne: an import touching many organisations
// refreshes their visit statistics and visit-notes search set-based; the
// result must equal the one-by-one refresh of small transactions.
func TestBulkDerivedRowsEqualOneByOne(t *testing.T) {
	src, _ := datatest.Open(t)
	var orgs []string
	for i := range 60 {
		orgs = append(orgs, datatest.Org(t, src, fmt.Sprintf("Org %02d", i), "").ID)
	}
	for i := range 150 {
		v := datatest.Visit(t, src, fmt.Sprintf("2026-%02d-%02d", 1+i%12, 1+i%28), fmt.Sprintf("samtal om patent nr%d", i), orgs[i%60], orgs[(i*7)%60])
		if i%10 == 0 { // moved and deleted visits too
			v.OrgIDs = []string{orgs[(i+1)%60]}
			if err := src.UpdateVisit(ctx, &v); err != nil {
				t.Fatal(err)
			}
		}
		if i%25 == 0 {
			if err := src.DeleteVisit(ctx, v.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	all, _ := src.Changes(ctx, "", 0, 0)
	bulk, _ := datatest.Open(t)
	if _, err := datatest.ImportChanges(ctx, bulk, all); err != nil {
		t.Fatal(err)
	}
	// And through an import that spills touched organisations to disk.
	spilled, _ := datatest.Open(t)
	old := *changelog.SpillDirtyAt
	*changelog.SpillDirtyAt = 5
	_, err := spilled.ImportChanges(ctx, changelog.BundleMeta{Device: "x", Hash: "h", Kind: "export", Count: uint64(len(all))}, datatest.Bundle(all), nil)
	*changelog.SpillDirtyAt = old
	if err != nil {
		t.Fatal(err)
	}
	single, _ := datatest.Open(t)
	for _, c := range all {
		if _, err := datatest.ImportChanges(ctx, single, []changelog.Change{c}); err != nil {
			t.Fatal(err)
		}
	}
	list := func(s *data.Store, text string) string {
		rows, err := s.SearchOrganisations(ctx, data.OrgQuery{Text: text, Lang: "sv"})
		if err != nil {
			t.Fatal(err)
		}
		out := ""
		for _, r := range rows {
			out += fmt.Sprintf("%s %s %d\n", r.Name, r.LastVisit, r.Visits)
		}
		return out
	}
	// Edits after the import go through the triggers again, also for rows
	// whose full-text entries the import wrote in bulk.
	for _, s := range []*data.Store{src, bulk, single, spilled} {
		vs, err := s.Visits(ctx, data.VisitQuery{Text: "nr149"})
		if err != nil || len(vs) != 1 {
			t.Fatalf("visit search: %d %v", len(vs), err)
		}
		vs[0].Notes = "omskrivet om licenser"
		if err := s.UpdateVisit(ctx, &vs[0]); err != nil {
			t.Fatal(err)
		}
		o, _ := s.Organisation(ctx, orgs[3])
		o.Name = "Omdöpt Kraft AB"
		if err := s.UpdateOrganisation(ctx, &o); err != nil {
			t.Fatal(err)
		}
		rep, err := s.Check(ctx)
		if err != nil || len(rep.Integrity) != 1 || rep.Integrity[0] != "ok" {
			t.Fatalf("integrity: %v %v", rep.Integrity, err)
		}
		if vs, _ := s.Visits(ctx, data.VisitQuery{Text: "licenser"}); len(vs) != 1 {
			t.Fatalf("updated visit not found: %d", len(vs))
		}
		if vs, _ := s.Visits(ctx, data.VisitQuery{Text: "nr149"}); len(vs) != 0 {
			t.Fatalf("old notes still found: %d", len(vs))
		}
	}
	for _, q := range []string{"", "patent", "nr17", "nr25", "Org 05", "omdöpt", "licenser"} {
		want := list(src, q)
		if got := list(bulk, q); got != want {
			t.Errorf("bulk %q:\n%s\nwant\n%s", q, got, want)
		}
		if got := list(single, q); got != want {
			t.Errorf("single %q:\n%s\nwant\n%s", q, got, want)
		}
		if got := list(spilled, q); got != want {
			t.Errorf("spilled %q:\n%s\nwant\n%s", q, got, want)
		}
	}
}

var ctx = context.Background()
