package indicators_test

import (
	"context"
	"slices"
	"testing"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/report/indicators"
)

// After a submission: two visits recorded, an organisation deleted, a
// duplicate merged, a headcount edited, a visit's date moved. The newest
// submission keeps the figures of its moment, and the report made now
// names exactly those records behind each difference (issue 16 §5, "a
// deletion after submission").
func TestSubmittedReportKeepsItsFiguresAndNamesTheDifferences(t *testing.T) {
	ctx := context.Background()
	fx := newFixture(t)
	s := fx.s
	mkOrg := func(short string, o domain.Organisation) {
		t.Helper()
		if err := s.CreateOrganisation(ctx, &o); err != nil {
			t.Fatal(err)
		}
		fx.org[short] = o.ID
	}
	mkVisit := func(short, date string, orgs ...string) {
		t.Helper()
		v := domain.Visit{Date: date, Type: domain.VisitOnSite, Minutes: 60, Advisor: "Anna Svensson", OrgIDs: fx.orgs(orgs...)}
		if err := s.CreateVisit(ctx, &v); err != nil {
			t.Fatal(err)
		}
		fx.v[short] = v.ID
	}
	// Bdup: B registered twice, visited in the period; merged after the submission.
	mkOrg("Bdup", domain.Organisation{Name: "Bravo Reiseliv", Country: domain.CountryNO, Municipality: "5025",
		Kind: domain.KindSME, Employees: intp(2)})
	mkVisit("vBdup", "2026-06-01", "Bdup")

	sub, at, err := indicators.Submit(ctx, s, from, to, "", "Lena Lead", "Peak Innovation", "H1 to the secretariat")
	if err != nil {
		t.Fatal(err)
	}
	// RCO01 at submission: A, B, C, D and the duplicate.
	fx.check(t, "RCO01 submitted", at.RCO01.Figure, 5, fx.orgs("A", "B", "C", "D", "Bdup"), nil)

	// After the submission.
	mkOrg("F", domain.Organisation{Name: "Foxtrot Fisk AS", Country: domain.CountryNO, Municipality: "5025", Kind: domain.KindSME, Employees: intp(4)})
	mkOrg("G", domain.Organisation{Name: "Golf Bygg AB", Country: domain.CountrySE, Municipality: "2321", Kind: domain.KindSME, Employees: intp(8)})
	mkVisit("vF", "2026-05-02", "F")
	mkVisit("vG", "2026-06-20", "G")
	if err := s.DeleteOrganisation(ctx, fx.org["C"]); err != nil {
		t.Fatal(err)
	}
	if _, err := s.MergeOrganisations(ctx, fx.org["B"], fx.org["Bdup"]); err != nil {
		t.Fatal(err)
	}
	a, err := s.Organisation(ctx, fx.org["A"])
	if err != nil {
		t.Fatal(err)
	}
	a.Employees = intp(60) // micro → medium now; its visits keep micro
	if err := s.UpdateOrganisation(ctx, &a); err != nil {
		t.Fatal(err)
	}
	v2, err := s.Visit(ctx, fx.v["v2"])
	if err != nil {
		t.Fatal(err)
	}
	v2.Date = "2026-08-10"
	if err := s.UpdateVisit(ctx, &v2); err != nil {
		t.Fatal(err)
	}

	now := compute(t, fx, indicators.Filter{From: from, To: to})
	cmp, err := indicators.CompareSubmitted(ctx, s, now)
	if err != nil || cmp == nil {
		t.Fatalf("comparison: %v, %v", cmp, err)
	}
	if cmp.ID != sub.ID || cmp.Advisor != "Lena Lead" || cmp.Partner != "Peak Innovation" || cmp.Note != "H1 to the secretariat" {
		t.Errorf("submission = %+v", cmp)
	}
	// The submitted figures are those of the moment of submission.
	vals, err := indicators.SubmittedValues(ctx, s, sub.ID)
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]int{"RCO01": at.RCO01.Value, "RCO01.micro": at.RCO01.Micro.Value, "visits": at.VisitCount.Value,
		"RCO87": at.RCO87.Value, "RCO83": at.RCO83.Value, "advisor_minutes": at.Minutes, "cumulative.RCO01": at.Cumulative.RCO01.Value} {
		if vals[key] != want {
			t.Errorf("submitted %s = %d, want %d", key, vals[key], want)
		}
	}

	rco01, _ := cmp.Figure("RCO01")
	if rco01.Submitted != 5 || rco01.Now != 5 {
		t.Errorf("RCO01 %d → %d, want 5 → 5 (two new, one deleted, one merged)", rco01.Submitted, rco01.Now)
	}
	sorted := func(short ...string) []string { l := fx.orgs(short...); slices.Sort(l); return l }
	if want := sorted("F", "G"); !slices.Equal(rco01.Added.Orgs, want) {
		t.Errorf("RCO01 added %v, want %v", fx.names(rco01.Added.Orgs), fx.names(want))
	}
	if want := sorted("C", "Bdup"); !slices.Equal(rco01.Removed.Orgs, want) {
		t.Errorf("RCO01 removed %v, want %v", fx.names(rco01.Removed.Orgs), fx.names(want))
	}
	micro, _ := cmp.Figure("RCO01.micro")
	if slices.Contains(micro.Removed.Orgs, fx.org["A"]) || micro.Submitted != micro.Now-2+1 {
		// micro: F and G in, the duplicate (2 staff) out; A stays micro.
		t.Errorf("RCO01 micro %d → %d, removed %v", micro.Submitted, micro.Now, fx.names(micro.Removed.Orgs))
	}
	visits, _ := cmp.Figure("visits")
	if visits.Now != visits.Submitted+1 {
		t.Errorf("visits %d → %d, want one more (two recorded, one moved out)", visits.Submitted, visits.Now)
	}
	vids := func(short ...string) []string {
		l := []string{}
		for _, s := range short {
			l = append(l, fx.v[s])
		}
		slices.Sort(l)
		return l
	}
	if !slices.Equal(visits.Added.Visits, vids("vF", "vG")) || !slices.Equal(visits.Removed.Visits, vids("v2")) {
		t.Errorf("visits added %v removed %v", fx.vnames(visits.Added.Visits), fx.vnames(visits.Removed.Visits))
	}
	why := func(id string, code indicators.WhyCode, param string) {
		t.Helper()
		if w := cmp.Why[id]; w.Code != code || w.Param != param {
			t.Errorf("why %s = %+v, want %s %q", id, w, code, param)
		}
	}
	why(fx.v["vF"], indicators.WhyRecordedAfter, "")
	why(fx.v["v2"], indicators.WhyDateMoved, "2026-08-10")
	why(fx.org["C"], indicators.WhyDeleted, "")
	why(fx.org["Bdup"], indicators.WhyMerged, fx.org["B"])
	why(fx.org["F"], indicators.WhyRecordedAfter, "")
	// C's visit is still there, but no longer an enterprise's: C was deleted.
	why(fx.v["v5"], indicators.WhyOrgGone, fx.org["C"])
	if w := cmp.Why[fx.org["C"]]; w.Label != "Charlie Konsult AB" {
		t.Errorf("the deleted organisation is named %q", w.Label)
	}
	// The headcount edit changes no figure: sizes are those at support.
	for _, f := range cmp.Figures {
		if slices.Contains(f.Added.Orgs, fx.org["A"]) || slices.Contains(f.Removed.Orgs, fx.org["A"]) {
			t.Errorf("%s names A, whose headcount only was edited", f.Key)
		}
	}

	// A correction: a second submission of the period is the reference.
	again, _, err := indicators.Submit(ctx, s, from, to, "", "Lena Lead", "Peak Innovation", "corrected")
	if err != nil {
		t.Fatal(err)
	}
	cmp, err = indicators.CompareSubmitted(ctx, s, compute(t, fx, indicators.Filter{From: from, To: to}))
	if err != nil || cmp.ID != again.ID || cmp.Corrections != 1 {
		t.Fatalf("after a correction: %+v, %v", cmp, err)
	}
	for _, f := range cmp.Figures {
		if f.Changed() {
			t.Errorf("%s changed against the correction made just now: %d → %d", f.Key, f.Submitted, f.Now)
		}
	}
	list, err := s.Submissions(ctx, "", "")
	if err != nil || len(list) != 2 || list[0].ID != again.ID {
		t.Errorf("submissions = %+v, %v", list, err)
	}
	// A selection of the report is never compared with the whole.
	if c, err := indicators.CompareSubmitted(ctx, s, compute(t, fx, indicators.Filter{From: from, To: to, Country: domain.CountrySE})); c != nil || err != nil {
		t.Errorf("a Swedish-only report compared: %v, %v", c, err)
	}
}
